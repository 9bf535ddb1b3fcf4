using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>Scores passages for a point: the sum of the weights of the distinct signals a passage carries (its
/// sub-heading included), scaled by where it stands (<see cref="PlacementWeight"/>); 0 when it carries fewer than the
/// point's minimum of distinct signals or none of its required ones.</summary>
internal static class PointScorer
{
    public static PassageScore Score(CompiledPoint point, ReportPassage passage, PlacementWeight placement)
    {
        // Made at the first hit: most passages carry none of a point's signals, and a point is scored against every
        // passage of the report.
        List<SignalHit>? hits = null;
        var headingLength = passage.Heading is null ? 0 : passage.Heading.Length + 1;
        foreach (var signal in point.Signals)
        {
            var match = signal.Pattern.Match(passage.ScoredText);
            if (match.Success)
            {
                (hits ??= []).Add(new SignalHit(match.Value, match.Index - headingLength, signal.Weight, match.Index < headingLength, signal.Required));
            }
        }

        if (hits is null)
        {
            return new PassageScore(passage, 0, []);
        }

        var speaks = hits.Count >= point.MinSignals && (!point.HasRequiredSignals || hits.Any(h => h.Required));
        var score = speaks ? hits.Sum(h => h.Weight) * placement.For(point, passage) : 0;
        return new PassageScore(passage, score, hits);
    }

    /// <summary>Every passage's score for the point, best first (ties: earlier first).</summary>
    public static IReadOnlyList<PassageScore> Rank(CompiledPoint point, IReadOnlyList<ReportPassage> passages, PlacementWeight placement) =>
        passages.Select(p => Score(point, p, placement))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Passage.Paragraph)
            .ToList();
}
