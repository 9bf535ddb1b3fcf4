using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>
/// Chooses a model's thresholds from its cross-validated (held-out, calibrated) predictions, so that they say what this
/// model's confidence is worth on reports it has not seen, not what one case looked like.
/// Abstain: a wrong answer costs 1 and an abstention <see cref="AbstainCost"/> (a reviewer reads "unsure" at a glance;
/// a wrong type misleads and raises a false <c>type_mismatch</c>), so the model should answer where the chance of being
/// right is at least 1 − <see cref="AbstainCost"/>. That chance is fitted on ALL the held-out predictions as a smooth
/// curve of the top probability p, P(right | p) = σ(a + b·logit p), pulled towards a = 0, b = 1 (the calibrated
/// probabilities mean what they say) with the weight of <see cref="PriorCases"/> cases; the threshold is where the
/// curve crosses 1 − <see cref="AbstainCost"/>. A step search over the held-out points instead put the threshold just
/// above the one or two wrong answers a fold happened to hold (0.6, 0.67 on 19 texts), so right answers a little under
/// them abstained: one case set the threshold. Kept within [<see cref="MinAbstain"/>, <see cref="MaxAbstain"/>]: below
/// the first a 6-way guess would pass, above the second nothing a few dozen cases can show.
/// Mismatch: contradicting the applicant's tick needs more: above every held-out answer that was wrong (midway to the
/// next right one), and never below the abstain threshold.
/// Fits none (其他): see <see cref="ChooseFitsNone"/>.
/// </summary>
internal static class ThresholdChooser
{
    public const double AbstainCost = 0.5;
    public const double MinAbstain = 0.4;
    public const double MaxAbstain = 0.9;
    public const double MaxMismatch = 0.99;

    /// <summary>How many held-out 其他 cases, net of the typed cases it flags, a fits-none cut above the floor must catch.</summary>
    public const int MinOtherSupport = 2;

    /// <summary>How many cases' worth the "probabilities mean what they say" curve weighs against the held-out ones.</summary>
    public const double PriorCases = 2;

    public static Thresholds Choose(IReadOnlyList<(double TopProbability, bool Right)> heldOut)
    {
        var abstain = Math.Round(AbstainThreshold(heldOut), 4);
        var wrong = heldOut.Where(h => !h.Right && h.TopProbability >= abstain).Select(h => h.TopProbability).DefaultIfEmpty(0).Max();
        var mismatch = abstain;
        if (wrong > 0)
        {
            var next = heldOut.Where(h => h.TopProbability > wrong).Select(h => h.TopProbability).DefaultIfEmpty(1).Min();
            mismatch = Math.Round(Math.Min(MaxMismatch, Math.Max(abstain, (wrong + next) / 2)), 4);
        }

        return new Thresholds(abstain, mismatch);
    }

    /// <summary>
    /// The direction evidence under which a report is 其他 (fits none of the five directions), from held-out cases: the
    /// floor (the prior's level, where 其他 overtakes every type that has no evidence at all) unless held-out 其他 cases
    /// stand above it; then the cut just above such a case is taken if it catches at least <see cref="MinOtherSupport"/>
    /// more 其他 cases than it flags typed ones as 其他 (a missed 其他 and a typed case called 其他 both cost 1). One
    /// 其他 case does not move the cut: in leave-one-text-out over the 20 labelled texts the only one (R29) moved it in
    /// every fold that held it, and the weakest 业务融合 report (R26, held out) then came out 其他.
    /// </summary>
    public static double ChooseFitsNone(IReadOnlyList<(double Evidence, bool IsOther)> heldOut, double floor)
    {
        var cuts = heldOut.Where(h => h.IsOther && h.Evidence >= floor)
            .Select(h => (h.Evidence + heldOut.Where(o => o.Evidence > h.Evidence).Select(o => o.Evidence).DefaultIfEmpty(h.Evidence + 1).Min()) / 2)
            .Prepend(floor)
            .Order();
        var best = (Cut: floor, Cost: Cost(floor));
        foreach (var cut in cuts)
        {
            if (Cost(cut) <= best.Cost - MinOtherSupport)
            {
                best = (cut, Cost(cut));
            }
        }

        return Math.Round(best.Cut, 4);

        int Cost(double cut) => heldOut.Count(h => h.IsOther ? h.Evidence >= cut : h.Evidence < cut);
    }

    /// <summary>The top probability from which the fitted chance of a right answer reaches 1 − <see cref="AbstainCost"/>.</summary>
    private static double AbstainThreshold(IReadOnlyList<(double TopProbability, bool Right)> heldOut)
    {
        var (a, b) = FitReliability(heldOut);
        var target = Logit(1 - AbstainCost);
        if (b <= 1e-3)
        {
            // Confidence says nothing about being right here: answer everything or nothing, as the held-out accuracy says.
            return heldOut.Count(h => h.Right) >= (1 - AbstainCost) * heldOut.Count ? MinAbstain : MaxAbstain;
        }

        return Math.Clamp(Sigmoid((target - a) / b), MinAbstain, MaxAbstain);
    }

    /// <summary>MAP logistic regression of "right" on logit(p), penalised towards (a, b) = (0, 1); Newton's method.</summary>
    private static (double A, double B) FitReliability(IReadOnlyList<(double TopProbability, bool Right)> heldOut)
    {
        double a = 0, b = 1;
        var points = heldOut.Select(h => (X: Logit(Math.Clamp(h.TopProbability, 1e-6, 1 - 1e-6)), Y: h.Right ? 1.0 : 0.0)).ToList();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Gradient and Hessian of the negative log-posterior.
            double ga = PriorCases * a, gb = PriorCases * (b - 1), haa = PriorCases, hab = 0, hbb = PriorCases;
            foreach (var (x, y) in points)
            {
                var p = Sigmoid(a + (b * x));
                var w = p * (1 - p);
                ga += p - y;
                gb += (p - y) * x;
                haa += w;
                hab += w * x;
                hbb += w * x * x;
            }

            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
