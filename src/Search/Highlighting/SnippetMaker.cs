using System.Text;

namespace CaseIngest.Search.Highlighting;

/// <summary>Makes highlighted snippets: the matches of the query's terms marked as &lt;em&gt;…&lt;/em&gt;, everything else
/// HTML-escaped, cut to the windows of the text that hold the most matches. A query part is marked where it occurs
/// whole; only a text without it gets the part's pieces (its bigrams) marked, as they are what matched there. Lucene.Net.Highlighter is not served here,
/// and searching the stored text for the query's own terms is all a snippet needs.</summary>
internal static class SnippetMaker
{
    private const int MaxSpans = 256;
    private const int LeadingContext = 24;

    /// <summary>The whole text with its matches marked; null when nothing matches.</summary>
    public static string? MarkWhole(string text, IReadOnlyCollection<QueryNeedle> needles)
    {
        var spans = FindSpans(text, needles);
        return spans.Count == 0 ? null : Render(text, 0, text.Length, spans);
    }

    /// <summary>Up to <paramref name="maxFragments"/> windows of about <paramref name="fragmentLength"/> characters,
    /// the densest first.</summary>
    public static IReadOnlyList<string> Fragments(string text, IReadOnlyCollection<QueryNeedle> needles, int maxFragments, int fragmentLength)
    {
        var spans = FindSpans(text, needles);
        var fragments = new List<string>(maxFragments);
        var remaining = new List<Span>(spans);
        while (fragments.Count < maxFragments && remaining.Count > 0)
        {
            var (start, end) = BestWindow(text, remaining, fragmentLength);
            fragments.Add(Render(text, start, end, spans));
            remaining.RemoveAll(s => s.Start < end && s.End > start);
        }

        return fragments;
    }

    private static (int Start, int End) BestWindow(string text, List<Span> spans, int length)
    {
        var bestStart = 0;
        var bestEnd = 0;
        var bestScore = -1;
        for (var i = 0; i < spans.Count; i++)
        {
            var start = Math.Max(0, spans[i].Start - LeadingContext);
            var end = Math.Min(text.Length, start + length);
            var score = 0;
            for (var j = i; j < spans.Count && spans[j].Start < end; j++)
            {
                score += 1 + (spans[j].End - spans[j].Start);
                end = Math.Max(end, Math.Min(text.Length, spans[j].End));
            }

            if (score > bestScore)
            {
                (bestStart, bestEnd, bestScore) = (start, end, score);
            }
        }

        return (bestStart, bestEnd);
    }

    private static List<Span> FindSpans(string text, IReadOnlyCollection<QueryNeedle> needles)
    {
        var found = new List<Span>();
        foreach (var needle in needles)
        {
            if (!AddOccurrences(found, text, needle.Whole))
            {
                foreach (var piece in needle.Pieces)
                {
                    AddOccurrences(found, text, piece);
                }
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Span>(Math.Min(found.Count, MaxSpans));
        foreach (var span in found)
        {
            // Overlapping or touching matches (the bigrams 供应 and 应链 of 供应链) read as one marked word.
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else if (merged.Count < MaxSpans)
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static bool AddOccurrences(List<Span> found, string text, string needle)
    {
        var any = false;
        if (needle.Length == 0)
        {
            return any;
        }

        // Case only matters for letters with case (Latin: AI, 5G); a Chinese needle takes the plain, vectorised search.
        var comparison = needle.Any(c => char.ToUpperInvariant(c) != char.ToLowerInvariant(c))
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        for (var at = text.IndexOf(needle, comparison);
             at >= 0 && found.Count < MaxSpans * 4;
             at = text.IndexOf(needle, at + 1, comparison))
        {
            found.Add(new Span(at, at + needle.Length));
            any = true;
        }

        return any;
    }

    private static string Render(string text, int start, int end, List<Span> spans)
    {
        var builder = new StringBuilder(end - start + 32);
        if (start > 0)
        {
            builder.Append('…');
        }

        var at = start;
        foreach (var span in spans)
        {
            if (span.End <= start || span.Start >= end)
            {
                continue;
            }

            var markStart = Math.Max(span.Start, start);
            var markEnd = Math.Min(span.End, end);
            AppendEscaped(builder, text, at, markStart);
            builder.Append("<em>");
            AppendEscaped(builder, text, markStart, markEnd);
            builder.Append("</em>");
            at = markEnd;
        }

        AppendEscaped(builder, text, at, end);
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }
    }

    private readonly record struct Span(int Start, int End);
}

/// <summary>What to mark for one query part: the part as typed, else its pieces (the analyser's terms).</summary>
internal sealed record QueryNeedle(string Whole, IReadOnlyList<string> Pieces);
