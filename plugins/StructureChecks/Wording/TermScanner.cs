using System.Buffers;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Wording;

/// <summary>Finds terms in a paragraph outside quotation marks, except where the term is part of a longer word the rule
/// set excuses (我国 for 我, 迷你 for 你): an exception may hold the term anywhere, not only at its start. The scan jumps
/// from one character that starts a term to the next (a vectorised search) and tries only the terms starting with it,
/// in the rule set's order: a report is tens of thousands of characters and three rules scan it.</summary>
internal sealed class TermScanner
{
    private readonly SearchValues<char> _firstCharacters;
    private readonly Dictionary<char, string[]> _termsByFirst;
    private readonly IReadOnlyList<string> _exceptions;

    public TermScanner(IReadOnlyList<string> terms, IReadOnlyList<string> exceptions)
    {
        var usable = terms.Where(t => t.Length > 0).ToList();
        _termsByFirst = usable.GroupBy(t => t[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _firstCharacters = SearchValues.Create([.. _termsByFirst.Keys]);
        _exceptions = exceptions;
    }

    public void FindIn(ReportParagraph paragraph, List<WordingHit> hits)
    {
        var text = paragraph.Text;
        bool[]? quoted = null;
        for (var i = NextCandidate(text, 0); i >= 0; i = NextCandidate(text, i + 1))
        {
            // The quotation marks are worked out for a paragraph that holds a term's first character at all.
            quoted ??= QuotedText.Mask(text);
            if (quoted[i])
            {
                continue;
            }

            foreach (var term in _termsByFirst[text[i]])
            {
                if (string.CompareOrdinal(text, i, term, 0, term.Length) == 0 && !Excused(text, i, term))
                {
                    hits.Add(new WordingHit(paragraph, term, i));
                    i += term.Length - 1;
                    break;
                }
            }
        }
    }

    private int NextCandidate(string text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var offset = text.AsSpan(from).IndexOfAny(_firstCharacters);
        return offset < 0 ? -1 : from + offset;
    }

    private bool Excused(string text, int at, string term)
    {
        foreach (var exception in _exceptions)
        {
            for (var offset = exception.IndexOf(term, StringComparison.Ordinal); offset >= 0;
                 offset = exception.IndexOf(term, offset + 1, StringComparison.Ordinal))
            {
                var start = at - offset;
                if (start >= 0 && string.CompareOrdinal(text, start, exception, 0, exception.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
