namespace CaseIngest.Plugins.StructureChecks.Counting;

/// <summary>
/// 字数 as DESIGN.md counts it: each CJK ideograph is one; each run of Latin letters or digits, joined by an inner
/// <c>.</c> or <c>-</c> (3.5, 5G, COVID-19), is one; punctuation, symbols and spaces are not counted. A word processor
/// also counts full-width punctuation, so its figure reads higher.
/// </summary>
internal static class WordCounter
{
    public const string Description = "CaseIngest 字数：汉字每字计 1，连续的字母数字（含内部 . 或 -）计 1，标点、符号、空格不计";

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inRun = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                inRun = false;
                if (codePoint is >= 0x20000 and <= 0x3FFFF)
                {
                    count++;
                }

                continue;
            }

            if (IsIdeograph(c))
            {
                count++;
                inRun = false;
            }
            else if (IsWordChar(c))
            {
                if (!inRun)
                {
                    count++;
                    inRun = true;
                }
            }
            else if (inRun && c is '.' or '-' && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                // an inner joiner keeps the run going: 3.5, COVID-19
            }
            else
            {
                inRun = false;
            }
        }

        return count;
    }

    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3007';

    /// <summary>A Latin letter or digit, half- or full-width (ＡＩ, ５Ｇ).</summary>
    public static bool IsWordChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or >= 'ａ' and <= 'ｚ' or >= 'Ａ' and <= 'Ｚ' or >= '０' and <= '９'
        || (c > '\u00BF' && c < '\u0250' && char.IsLetter(c));
}
