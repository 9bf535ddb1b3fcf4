using System.Globalization;
using System.Text;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Scoring;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Accuracy;

/// <summary>Counts of one dimension (or all): a prediction per (report, point) against the reader's label.</summary>
public sealed class ConfusionCounts
{
    public int CoveredRight { get; private set; }
    public int CoveredWrong { get; private set; }
    public int NotCoveredRight { get; private set; }
    public int NotCoveredWrong { get; private set; }

    public void Add(bool predictedCovered, bool labelledCovered)
    {
        switch (predictedCovered, labelledCovered)
        {
            case (true, true): CoveredRight++; break;
            case (true, false): CoveredWrong++; break;
            case (false, false): NotCoveredRight++; break;
            default: NotCoveredWrong++; break;
        }
    }

    public double CoveredPrecision => Ratio(CoveredRight, CoveredRight + CoveredWrong);
    public double CoveredRecall => Ratio(CoveredRight, CoveredRight + NotCoveredWrong);
    public double CoveredF1 => F1(CoveredPrecision, CoveredRecall);
    public double NotCoveredPrecision => Ratio(NotCoveredRight, NotCoveredRight + NotCoveredWrong);
    public double NotCoveredRecall => Ratio(NotCoveredRight, NotCoveredRight + CoveredWrong);
    public double NotCoveredF1 => F1(NotCoveredPrecision, NotCoveredRecall);

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
    private static double F1(double p, double r) => p + r == 0 || double.IsNaN(p) || double.IsNaN(r) ? double.NaN : 2 * p * r / (p + r);
}

/// <summary>Coverage measured on the labelled texts: leave-one-text-out (the thresholds are learned from the other
/// texts; a text is one report, so no report is on both sides), and on the embedded thresholds (learned from all).</summary>
public sealed class CoverageMeasurement
{
    private CoverageMeasurement(IReadOnlyDictionary<string, ConfusionCounts> byDimension, IReadOnlyList<string> errors)
    {
        ByDimension = byDimension;
        Errors = errors;
    }

    /// <summary>S, T, O, H, P and "all".</summary>
    public IReadOnlyDictionary<string, ConfusionCounts> ByDimension { get; }

    /// <summary>Every wrong prediction: text, point, score against threshold, label.</summary>
    public IReadOnlyList<string> Errors { get; }

    public ConfusionCounts Overall => ByDimension["all"];

    /// <summary>Best passage score per text and point, computed once.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> BestScores { get; } =
        LabelledReport.All.ToDictionary(r => r.Id, r => CoverageAnalyzer.BestScores(r.Report, Coverage.Rubric));

    public static CoverageMeasurement LeaveOneTextOut() =>
        Measure(held => LearnThresholds(LabelledReport.All.Where(r => r.Id != held.Id)));

    public static CoverageMeasurement OnEmbeddedThresholds() =>
        Measure(_ => Coverage.Rubric.Points.ToDictionary(p => p.Id, p => p.Threshold));

    /// <summary>Per point, the threshold learned from the given labelled texts.</summary>
    public static Dictionary<string, double> LearnThresholds(IEnumerable<LabelledReport> training)
    {
        var texts = training.ToList();
        return Coverage.Rubric.Points.ToDictionary(p => p.Id, p => ThresholdLearner.Learn(
            texts.Where(t => t.Covered.Contains(p.Id) || t.Omitted.Contains(p.Id))
                .Select(t => (BestScores[t.Id][p.Id], t.Covered.Contains(p.Id))).ToList()));
    }

    private static CoverageMeasurement Measure(Func<LabelledReport, IReadOnlyDictionary<string, double>> thresholdsFor)
    {
        var counts = Coverage.Rubric.Rubric.Dimensions.Select(d => d.Id).Append("all").ToDictionary(d => d, _ => new ConfusionCounts());
        var errors = new List<string>();
        foreach (var text in LabelledReport.All)
        {
            var thresholds = thresholdsFor(text);
            foreach (var point in Coverage.Rubric.Points)
            {
                if (!text.Covered.Contains(point.Id) && !text.Omitted.Contains(point.Id))
                {
                    continue;
                }

                var score = BestScores[text.Id][point.Id];
                var predicted = score >= thresholds[point.Id];
                var labelled = text.Covered.Contains(point.Id);
                counts[point.Dimension.Id].Add(predicted, labelled);
                counts["all"].Add(predicted, labelled);
                if (predicted != labelled)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{text.Id} {point.Id}: score {score:0.##} vs threshold {thresholds[point.Id]:0.##}, labelled {(labelled ? "covered" : "omitted")}"));
                }
            }
        }

        return new CoverageMeasurement(counts, errors);
    }

    /// <summary>The table for the note: per dimension and overall, precision, recall and F1 of both classes, with counts.</summary>
    public string Table()
    {
        var table = new StringBuilder();
        table.AppendLine("| dimension | covered: P | R | F1 | not covered: P | R | F1 | counts (TP FP FN TN, covered = positive) |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (dimension, c) in ByDimension)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {dimension} | {c.CoveredPrecision:0.000} | {c.CoveredRecall:0.000} | {c.CoveredF1:0.000} | {c.NotCoveredPrecision:0.000} | {c.NotCoveredRecall:0.000} | {c.NotCoveredF1:0.000} | {c.CoveredRight} {c.CoveredWrong} {c.NotCoveredWrong} {c.NotCoveredRight} |"));
        }

        return table.ToString();
    }
}
