using System.Text;

namespace CaseIngest.Search.Highlighting;

/// <summary>Makes highlighted snippets: the matches of the query's terms marked as &lt;em&gt;…&lt;/em&gt;, everything else
/// HTML-escaped, cut to the sentences of the text that hold the most matches. A query part is marked where it occurs
/// whole; only a text without it gets the part's pieces (its bigrams) marked, as they are what matched there. Lucene.Net.Highlighter is not served here,
/// and searching the stored text for the query's own terms is all a snippet needs.</summary>
internal static class SnippetMaker
{
    private const int MaxSpans = 256;

    /// <summary>The whole text with its matches marked; null when nothing matches.</summary>
    public static string? MarkWhole(string text, IReadOnlyCollection<QueryNeedle> needles)
    {
        var spans = FindSpans(text, needles);
        return spans.Count == 0 ? null : Render(text, 0, text.Length, spans, cutBefore: false, cutAfter: false);
    }

    /// <summary>Up to <paramref name="maxFragments"/> sentences holding matches, the densest first. A sentence ends at
    /// 。！？；, their ASCII forms or a line break, so a fragment starts where a reader's eye would; one longer than
    /// <paramref name="maxLength"/> is cut around its matches at a clause (，、：) where one is near, never inside a Latin
    /// word or a number, and the cut is shown by a single "…" (none added beside the text's own ……).</summary>
    /// <param name="skip">Sentences never shown (the title, which the hit shows already).</param>
    public static IReadOnlyList<string> Fragments(string text, IReadOnlyCollection<QueryNeedle> needles, int maxFragments, int maxLength,
        IReadOnlyCollection<string>? skip = null)
    {
        var spans = FindSpans(text, needles);
        if (spans.Count == 0 || maxFragments <= 0)
        {
            return [];
        }

        var candidates = new List<(int Start, int End, int Score, int Order)>();
        var next = 0;
        foreach (var (start, end) in Sentences(text))
        {
            var score = 0;
            while (next < spans.Count && spans[next].End <= start)
            {
                next++;
            }

            for (var i = next; i < spans.Count && spans[i].Start < end; i++)
            {
                score += 1 + (spans[i].End - spans[i].Start);
            }

            if (score > 0 && !IsNoise(text.AsSpan(start, end - start), skip))
            {
                candidates.Add((start, end, score, candidates.Count));
            }
        }

        return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Order).Take(maxFragments)
            .Select(c => Fit(text, c.Start, c.End, spans, maxLength))
            .Select(w => Render(text, w.Start, w.End, spans, w.CutBefore, w.CutAfter))
            .ToList();
    }

    /// <summary>A line no reader wants as a snippet: one to skip (the title), a field code (TOC \o "1-3"), or an entry of a
    /// typed 目录 (a heading ending in its page number after a tab, dots or spaces).</summary>
    private static bool IsNoise(ReadOnlySpan<char> sentence, IReadOnlyCollection<string>? skip)
    {
        if (skip is not null)
        {
            foreach (var line in skip)
            {
                if (sentence.SequenceEqual(line.AsSpan().Trim()))
                {
                    return true;
                }
            }
        }

        if (sentence.Contains("TOC \\", StringComparison.Ordinal) || sentence.Contains("PAGEREF", StringComparison.Ordinal))
        {
            return true;
        }

        var last = sentence.Length - 1;
        var digits = last;
        while (digits >= 0 && char.IsAsciiDigit(sentence[digits]))
        {
            digits--;
        }

        return digits < last && digits > 0 && sentence[digits] is '\t' or '.' or '…' or '·' or ' ' or '　';
    }

    /// <summary>The sentences of a text, trimmed of white space, each with its closing punctuation.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            if (!atEnd && text[i] is not ('。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n' or '\r'))
            {
                continue;
            }

            // Closing quotes and brackets stay with the sentence they close.
            var end = atEnd || text[i] is '\n' or '\r' ? i : i + 1;
            while (end < text.Length && text[end] is '”' or '’' or '」' or '』' or '）' or ')')
            {
                end++;
            }

            var (s, e) = Trim(text, start, end);
            if (e > s)
            {
                yield return (s, e);
            }

            start = Math.Max(end, i + 1);
            i = start - 1;
        }
    }

    /// <summary>The part of a sentence a fragment shows: all of it when it is short enough, else a window from the
    /// clause before its first match.</summary>
    private static (int Start, int End, bool CutBefore, bool CutAfter) Fit(string text, int start, int end, List<Span> spans, int maxLength)
    {
        if (end - start <= maxLength)
        {
            return (start, end, false, false);
        }

        var first = spans.First(s => s.End > start && s.Start < end);
        var from = Math.Max(start, first.Start - (maxLength / 4));
        // A clause boundary up to half the window before the match reads better than a fixed lead.
        for (var i = first.Start - 1; i >= Math.Max(start, first.Start - (maxLength / 2)); i--)
        {
            if (IsClauseMark(text[i]))
            {
                from = i + 1;
                break;
            }
        }

        from = OutsideWord(text, from, start, forward: false);
        var to = Math.Min(end, from + maxLength);
        for (var i = to - 1; i > Math.Max(first.End, from + (maxLength / 2)); i--)
        {
            if (IsClauseMark(text[i]))
            {
                to = i + 1;
                break;
            }
        }

        to = OutsideWord(text, to, end, forward: true);
        (from, to) = Trim(text, from, to);
        return (from, to, from > start, to < end);
    }

    private static bool IsClauseMark(char c) => c is '，' or '、' or '：' or ',' or ':' or '（' or '(';

    /// <summary>Moves a cut out of a run of Latin letters or digits (AI, 5G, 3.5), to the run's start or end.</summary>
    private static int OutsideWord(string text, int at, int limit, bool forward)
    {
        static bool Word(char c) => char.IsAsciiLetterOrDigit(c);
        if (at <= 0 || at >= text.Length || !Word(text[at - 1]) || !Word(text[at]))
        {
            return at;
        }

        if (forward)
        {
            while (at < limit && Word(text[at]))
            {
                at++;
            }
        }
        else
        {
            while (at > limit && Word(text[at - 1]))
            {
                at--;
            }
        }

        return at;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
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

    private static string Render(string text, int start, int end, List<Span> spans, bool cutBefore, bool cutAfter)
    {
        var builder = new StringBuilder(end - start + 32);
        if (cutBefore && text[start] != '…')
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
        if (cutAfter && text[end - 1] != '…')
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
