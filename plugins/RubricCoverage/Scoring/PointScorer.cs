using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>Scores passages for a point: the sum of the weights of the distinct signals a passage carries (its
/// sub-heading included), scaled by where it stands (<see cref="PlacementWeight"/>); 0 when it carries fewer than the
/// point's minimum of distinct signals or none of its required ones.</summary>
internal static class PointScorer
{
    /// <summary>The <paramref name="count"/> best passages for the point, best first (ties: earlier first); passages
    /// scoring 0 left out.</summary>
    /// <param name="candidates">The signals each passage can match (<see cref="SignalSieve.Sift"/> of <paramref name="passages"/>).</param>
    public static List<PassageScore> Rank(CompiledPoint point, IReadOnlyList<ReportPassage> passages, PassageSignals candidates, PlacementWeight placement,
        int count)
    {
        // Every passage's hits, as plain values one after another: only the best few become SignalHits.
        var found = new List<Found>();
        var scored = new List<Scored>();
        for (var i = 0; i < passages.Count; i++)
        {
            var first = found.Count;
            var score = Score(point, passages[i], i, candidates, placement, found);
            if (score > 0)
            {
                scored.Add(new Scored(i, score, first, found.Count - first));
            }
            else
            {
                found.RemoveRange(first, found.Count - first);
            }
        }

        // Paragraphs differ between passages, so this order is total and the same as a stable sort by score alone.
        scored.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : passages[a.Passage].Paragraph.CompareTo(passages[b.Passage].Paragraph);
        });
        var kept = Math.Clamp(count, 0, scored.Count);
        var best = new List<PassageScore>(kept);
        for (var k = 0; k < kept; k++)
        {
            var passage = passages[scored[k].Passage];
            best.Add(new PassageScore(passage, scored[k].Score, Hits(passage, found.GetRange(scored[k].FirstHit, scored[k].Hits))));
        }

        return best;
    }

    /// <summary>The best passage's score for the point, 0 when none speaks to it.</summary>
    public static double BestScore(CompiledPoint point, IReadOnlyList<ReportPassage> passages, PassageSignals candidates, PlacementWeight placement)
    {
        var best = 0.0;
        var found = new List<Found>(point.Signals.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            found.Clear();
            best = Math.Max(best, Score(point, passages[i], i, candidates, placement, found));
        }

        return best;
    }

    /// <summary>The passage's score; the point's signals it carries are added to <paramref name="found"/>, in the
    /// point's order.</summary>
    private static double Score(CompiledPoint point, ReportPassage passage, int index, PassageSignals candidates, PlacementWeight placement,
        List<Found> found)
    {
        var first = found.Count;
        var required = false;
        // By index: a foreach over the IReadOnlyList would box its enumerator for every passage and point.
        for (var s = 0; s < point.Signals.Count; s++)
        {
            var signal = point.Signals[s];
            if (!candidates.CanMatch(index, signal))
            {
                continue;
            }

            // The first match, as Regex.Match finds it, without the Match object and its groups.
            var matches = signal.Pattern.EnumerateMatches(passage.ScoredText);
            if (matches.MoveNext())
            {
                found.Add(new Found(signal, matches.Current.Index, matches.Current.Length));
                required |= signal.Required;
            }
        }

        var hits = found.Count - first;
        if (hits == 0 || hits < point.MinSignals || (point.HasRequiredSignals && !required))
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = first; i < found.Count; i++)
        {
            sum += found[i].Signal.Weight;
        }

        return sum * placement.For(point, passage);
    }

    private static List<SignalHit> Hits(ReportPassage passage, List<Found> found)
    {
        var headingLength = passage.Heading is null ? 0 : passage.Heading.Length + 1;
        var hits = new List<SignalHit>(found.Count);
        foreach (var (signal, index, length) in found)
        {
            hits.Add(new SignalHit(passage.ScoredText.Substring(index, length), index - headingLength, signal.Weight, index < headingLength, signal.Required));
        }

        return hits;
    }

    /// <summary>A signal's first match in a passage's <see cref="ReportPassage.ScoredText"/>.</summary>
    private readonly record struct Found(CompiledSignal Signal, int Index, int Length);

    /// <summary>A passage that speaks to the point, and where its hits stand among all found.</summary>
    private readonly record struct Scored(int Passage, double Score, int FirstHit, int Hits);
}
