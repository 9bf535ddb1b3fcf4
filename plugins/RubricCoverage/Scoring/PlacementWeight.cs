using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>What a passage's place in the report says about the point it speaks to: outside the point's dimension
/// section it counts <see cref="Rubric.OutsideSectionFactor"/>; under a sub-heading that names another point,
/// <see cref="Rubric.OtherPointHeadingFactor"/> (both may apply). One per report: it remembers each sub-heading's
/// share of every point's name.</summary>
internal sealed class PlacementWeight(CompiledRubric rubric)
{
    private readonly Dictionary<string, double[]> _shares = new(StringComparer.Ordinal);

    public double For(CompiledPoint point, ReportPassage passage)
    {
        var weight = passage.Dimension == point.Dimension.Id ? 1 : rubric.Rubric.OutsideSectionFactor;
        return NamesAnotherPoint(passage.Heading, point) ? weight * rubric.Rubric.OtherPointHeadingFactor : weight;
    }

    /// <summary>Whether the sub-heading names some other point: it shares enough of that point's name, and clearly more
    /// than of this one's.</summary>
    public bool NamesAnotherPoint(string? heading, CompiledPoint point)
    {
        if (heading is null)
        {
            return false;
        }

        var shares = SharesOf(heading);
        var own = shares[IndexOf(point)];
        for (var i = 0; i < shares.Length; i++)
        {
            if (!ReferenceEquals(rubric.Points[i], point) && shares[i] >= rubric.Rubric.HeadingNamesPoint
                && shares[i] - own >= rubric.Rubric.HeadingNamesPointMargin)
            {
                return true;
            }
        }

        return false;
    }

    private double[] SharesOf(string heading)
    {
        if (!_shares.TryGetValue(heading, out var shares))
        {
            var pairs = CharacterPairs.Of(heading);
            shares = new double[rubric.Points.Count];
            for (var i = 0; i < shares.Length && pairs.Count > 0; i++)
            {
                var named = 0;
                foreach (var pair in pairs)
                {
                    named += rubric.Points[i].NamePairs.Contains(pair) ? 1 : 0;
                }

                shares[i] = (double)named / pairs.Count;
            }

            _shares[heading] = shares;
        }

        return shares;
    }

    private int IndexOf(CompiledPoint point)
    {
        for (var i = 0; i < rubric.Points.Count; i++)
        {
            if (ReferenceEquals(rubric.Points[i], point))
            {
                return i;
            }
        }

        throw new ArgumentException($"point {point.Id} is not of rubric {rubric.Rubric.Edition}", nameof(point));
    }
}
