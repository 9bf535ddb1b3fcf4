namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>The short quote shown for a passage: its sentence that carries the most signal weight.</summary>
internal static class EvidenceQuote
{
    private static readonly char[] s_sentenceEnds = ['。', '；', '！', '？', ';'];

    public static string For(PassageScore score, int maxLength)
    {
        var text = score.Passage.Text;
        // The first sentence of the highest weight: sentences come in order, so a later one must weigh more to win.
        (int Start, int Length) best = default;
        var bestWeight = double.NegativeInfinity;
        foreach (var sentence in Sentences(text))
        {
            var weight = 0.0;
            foreach (var hit in score.Hits)
            {
                if (!hit.InHeading && hit.Index >= sentence.Start && hit.Index < sentence.Start + sentence.Length)
                {
                    weight += hit.Weight;
                }
            }

            if (weight > bestWeight)
            {
                (best, bestWeight) = (sentence, weight);
            }
        }

        var quote = text.Substring(best.Start, best.Length).Trim();
        return quote.Length <= maxLength ? quote : quote[..(maxLength - 1)] + "…";
    }

    private static IEnumerable<(int Start, int Length)> Sentences(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(s_sentenceEnds, start);
            var stop = end < 0 ? text.Length : end + 1;
            yield return (start, stop - start);
            start = stop;
        }

        if (text.Length == 0)
        {
            yield return (0, 0);
        }
    }
}
