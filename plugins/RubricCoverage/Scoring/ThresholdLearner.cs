namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>Learns a point's threshold from labelled reports: the cut between best-passage scores that misclassifies
/// the fewest reports, in the middle of the widest such gap. With no omitting report to learn from, the cut lies
/// halfway below the weakest covering one.</summary>
public static class ThresholdLearner
{
    /// <param name="examples">Per labelled report: its best passage's score for the point, and whether a reader found the point covered.</param>
    public static double Learn(IReadOnlyCollection<(double Score, bool Covered)> examples)
    {
        var values = examples.Select(e => e.Score).Append(0).Distinct().Order().ToList();
        var best = (Errors: int.MaxValue, Gap: double.MinValue, Threshold: 0.0);
        for (var i = 0; i < values.Count; i++)
        {
            var low = values[i];
            var high = i + 1 < values.Count ? values[i + 1] : low * 1.5 + 1;
            var threshold = (low + high) / 2;
            var errors = examples.Count(e => e.Score >= threshold != e.Covered);
            var gap = high - low;
            if (errors < best.Errors || (errors == best.Errors && gap > best.Gap))
            {
                best = (errors, gap, threshold);
            }
        }

        return Math.Round(best.Threshold, 3);
    }
}
