namespace CaseIngest.Web.Evaluation;

/// <summary>Whether two organisation names name the same unit, as forms and user entries write them: spaces and
/// full-width brackets vary, and a short form (山西龙城数智产业集团) stands inside the full name (…有限公司).</summary>
public static class UnitNames
{
    private const int MinimumContained = 4;

    public static bool Same(string? a, string? b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        return x == y
               || (y.Length >= MinimumContained && x.Contains(y, StringComparison.Ordinal))
               || (x.Length >= MinimumContained && y.Contains(x, StringComparison.Ordinal));
    }

    private static string Normalize(string? name) =>
        string.Concat((name ?? "").Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')');
}
