using System.Text;

namespace CaseIngest.Plugins.Classification.Features;

/// <summary>One spelling for matching: full-width forms folded (ＡＩ → ai, ５Ｇ → 5g), Latin lower-cased, spaces dropped
/// (reports and OCR put spaces between Chinese characters), line breaks kept as sentence boundaries.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c == '\n')
            {
                builder.Append('\n');
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Counts non-overlapping occurrences of <paramref name="term"/> (already normalized).</summary>
    public static int CountOccurrences(string text, string term)
    {
        var count = 0;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A character that can be part of an n-gram: CJK ideographs, letters and digits (punctuation splits runs).</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
