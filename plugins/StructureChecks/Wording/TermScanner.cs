using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Wording;

/// <summary>Finds terms in a paragraph outside quotation marks, except where the term is part of a longer word the rule
/// set excuses (我国 for 我, 迷你 for 你): an exception may hold the term anywhere, not only at its start.</summary>
internal static class TermScanner
{
    public static void FindIn(ReportParagraph paragraph, IReadOnlyList<string> terms, IReadOnlyList<string> exceptions, List<WordingHit> hits)
    {
        var text = paragraph.Text;
        var quoted = QuotedText.Mask(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (quoted[i])
            {
                continue;
            }

            foreach (var term in terms)
            {
                if (term.Length > 0 && string.CompareOrdinal(text, i, term, 0, term.Length) == 0 && !Excused(text, i, term, exceptions))
                {
                    hits.Add(new WordingHit(paragraph, term, i));
                    i += term.Length - 1;
                    break;
                }
            }
        }
    }

    private static bool Excused(string text, int at, string term, IReadOnlyList<string> exceptions)
    {
        foreach (var exception in exceptions)
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
