using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>
/// Chooses a model's thresholds from its cross-validated (held-out, calibrated) predictions, so that they say what this
/// model's confidence is worth on reports it has not seen, not what one case looked like.
/// Abstain: the threshold that minimises the cost of the held-out predictions, a wrong answer costing 1 and an
/// abstention <see cref="AbstainCost"/> (a reviewer reads "unsure" at a glance; a wrong type misleads and raises a false
/// <c>type_mismatch</c>). The cost only changes at the held-out probabilities, so the choice is the middle of the best
/// interval between two of them, kept within [<see cref="MinAbstain"/>, <see cref="MaxAbstain"/>]: below the first
/// a 6-way guess would pass, above the second nothing a few dozen cases can show.
/// Mismatch: contradicting the applicant's tick needs more: above every held-out answer that was wrong (midway to the
/// next right one), and never below the abstain threshold.
/// </summary>
internal static class ThresholdChooser
{
    public const double AbstainCost = 0.5;
    public const double MinAbstain = 0.4;
    public const double MaxAbstain = 0.9;
    public const double MaxMismatch = 0.99;

    public static Thresholds Choose(IReadOnlyList<(double TopProbability, bool Right)> heldOut)
    {
        // Interval k is (edges[k], edges[k+1]]: a threshold in it answers exactly the predictions at edges[k+1] or above.
        var edges = heldOut.Select(h => h.TopProbability).Append(0).Append(1).Distinct().Order().ToList();
        var best = (Cost: double.MaxValue, Low: MinAbstain, High: MinAbstain);
        for (var k = 0; k + 1 < edges.Count; k++)
        {
            var low = Math.Max(edges[k], MinAbstain);
            var high = Math.Min(edges[k + 1], MaxAbstain);
            if (low >= high)
            {
                continue;
            }

            var threshold = (low + high) / 2;
            var cost = heldOut.Sum(h => h.TopProbability >= threshold ? (h.Right ? 0 : 1) : AbstainCost);
            if (cost < best.Cost - 1e-9)
            {
                best = (cost, low, high);
            }
            else if (Math.Abs(cost - best.Cost) <= 1e-9 && Math.Abs(low - best.High) <= 1e-12)
            {
                // The same cost on the next interval: one wider interval, whose middle is the safer choice.
                best = (cost, best.Low, high);
            }
        }

        var abstain = Math.Round((best.Low + best.High) / 2, 4);
        var wrong = heldOut.Where(h => !h.Right && h.TopProbability >= abstain).Select(h => h.TopProbability).DefaultIfEmpty(0).Max();
        var mismatch = abstain;
        if (wrong > 0)
        {
            var next = heldOut.Where(h => h.TopProbability > wrong).Select(h => h.TopProbability).DefaultIfEmpty(1).Min();
            mismatch = Math.Round(Math.Min(MaxMismatch, Math.Max(abstain, (wrong + next) / 2)), 4);
        }

        return new Thresholds(abstain, mismatch);
    }
}
