namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>The short quote shown for a passage: its sentence that carries the most signal weight.</summary>
internal static class EvidenceQuote
{
    private static readonly char[] s_sentenceEnds = ['。', '；', '！', '？', ';'];

    public static string For(PassageScore score, int maxLength)
    {
        var text = score.Passage.Text;
        var sentences = Sentences(text).ToList();
        var best = sentences
            .Select(s => (s.Start, s.Length, Weight: score.Hits.Where(h => !h.InHeading && h.Index >= s.Start && h.Index < s.Start + s.Length).Sum(h => h.Weight)))
            .OrderByDescending(s => s.Weight)
            .ThenBy(s => s.Start)
            .First();
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
