using System.Globalization;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>Accuracy and confusion of held-out predictions, for people: right answers with abstentions counted as wrong,
/// abstentions, confidently wrong answers, top-1 accuracy ignoring the threshold, and one confusion table (rows =
/// confirmed type, columns = what was answered, 不确定 for an abstention).</summary>
internal static class EvaluationReport
{
    public const string Unsure = "（不确定）";

    /// <summary>Predictions of one model at one threshold.</summary>
    public static void Write(TextWriter output, string title, IReadOnlyList<(string Label, string TopType, double TopProbability)> predictions, double threshold) =>
        Write(output, string.Create(CultureInfo.InvariantCulture, $"{title}, threshold {threshold:0.00}"),
            [.. predictions.Select(p => (p.Label, p.TopProbability >= threshold ? p.TopType : null, p.TopType))]);

    /// <summary>Predictions already answered or abstained (each may come from its own model and threshold).</summary>
    public static void Write(TextWriter output, string title, IReadOnlyList<(string Label, string? Predicted, string TopType)> predictions)
    {
        var total = predictions.Count;
        var right = predictions.Count(p => p.Predicted == p.Label);
        var unsure = predictions.Count(p => p.Predicted is null);
        var top1 = predictions.Count(p => p.TopType == p.Label);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: right {right}/{total} = {Ratio(right, total):0.000} (unsure counted as wrong); unsure {unsure}/{total} = {Ratio(unsure, total):0.000}; " +
            $"wrong answers {total - right - unsure}; top-1 ignoring the threshold {top1}/{total} = {Ratio(top1, total):0.000}"));

        var columns = CaseTypes.All.Append(Unsure).ToList();
        output.WriteLine("  confusion (rows: confirmed, columns: answered): " + string.Join(" | ", columns));
        foreach (var row in CaseTypes.All.Where(t => predictions.Any(p => p.Label == t)))
        {
            var cells = columns.Select(column => predictions.Count(p => p.Label == row && (p.Predicted ?? Unsure) == column));
            output.WriteLine($"  {row}: {string.Join(" | ", cells)}");
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}
