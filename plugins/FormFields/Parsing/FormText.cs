using System.Text;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>Text normalisation shared by every reader and parser of the form.</summary>
internal static class FormText
{
    /// <summary>NFKC (full-width digits, letters, ：（）％ and the ideographic space become ASCII) with the lines trimmed.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).Replace('\u2212', '-').Trim();

    /// <summary>Normalised and without any whitespace: how labels are compared (<c>姓　名</c> = <c>姓名</c>).</summary>
    public static string Compact(string? text)
    {
        var normalized = Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200b' && c != '\ufeff')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A value as the record keeps it: normalised whitespace (runs of spaces and lines become one space), trimmed; null when empty.</summary>
    public static string? Value(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                // A space between two CJK characters is layout, not content (spaced labels, wrapped PDF lines).
                if (!(IsCjk(builder[^1]) && IsCjk(c)))
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>A full-width ASCII form folded to ASCII (what NFKC does for these), other characters unchanged.</summary>
    public static char Fold(char c) => c is >= '\uff01' and <= '\uff5e' ? (char)(c - 0xfee0) : c;

    public static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef';

    /// <summary>
    /// When <paramref name="text"/> starts with <paramref name="label"/> (whitespace inside the text ignored), returns
    /// the rest of the text after it; otherwise null.
    /// </summary>
    public static string? RestAfter(string text, string label)
    {
        var i = 0;
        foreach (var expected in label)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || Fold(text[i]) != expected)
            {
                return null;
            }

            i++;
        }

        return text[i..];
    }
}
