using System.Globalization;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>Accuracy and confusion of held-out predictions, for people: top-1 accuracy, and with abstention below the
/// threshold the share answered and the accuracy of those answers; one confusion table (rows = confirmed type).</summary>
internal static class EvaluationReport
{
    public const string Unsure = "（不确定）";

    public static void Write(TextWriter output, string title, IReadOnlyList<(string Label, string TopType, double TopProbability)> predictions, double threshold)
    {
        var culture = CultureInfo.InvariantCulture;
        var total = predictions.Count;
        var correct = predictions.Count(p => p.TopType == p.Label);
        var answered = predictions.Where(p => p.TopProbability >= threshold).ToList();
        var answeredCorrect = answered.Count(p => p.TopType == p.Label);
        output.WriteLine(string.Create(culture, $"{title}: top-1 accuracy {correct}/{total} = {Ratio(correct, total):0.000}; " +
            $"at threshold {threshold:0.00}: answered {answered.Count}/{total}, of which right {answeredCorrect}/{answered.Count} = {Ratio(answeredCorrect, answered.Count):0.000}, confidently wrong {answered.Count - answeredCorrect}"));

        var columns = CaseTypes.All.Append(Unsure).ToList();
        output.WriteLine("  confusion (rows: confirmed, columns: predicted at threshold): " + string.Join(" | ", columns));
        foreach (var row in CaseTypes.All.Where(t => predictions.Any(p => p.Label == t)))
        {
            var cells = columns.Select(column => predictions.Count(p => p.Label == row &&
                (column == Unsure ? p.TopProbability < threshold : p.TopProbability >= threshold && p.TopType == column)));
            output.WriteLine($"  {row}: {string.Join(" | ", cells)}");
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}
