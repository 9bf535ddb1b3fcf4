using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.StructureChecks.Reading;

/// <summary>The numbering 附件2 prescribes for its heading levels: 一、 / （一） / 1. / （1）, and what lies deeper.</summary>
internal static partial class HeadingNumbering
{
    /// <summary>The level the text's leading numbering stands for, or 0 when it opens with none.</summary>
    public static int LevelOf(string text)
    {
        var t = text.TrimStart(' ', '\u3000', '\t');
        if (t.Length == 0)
        {
            return 0;
        }

        if (Level1().IsMatch(t))
        {
            return 1;
        }

        if (Level2().IsMatch(t))
        {
            return 2;
        }

        if (Level3().IsMatch(t))
        {
            return 3;
        }

        if (Level4().IsMatch(t))
        {
            return 4;
        }

        return Level5().IsMatch(t) ? 5 : 0;
    }

    /// <summary>The heading text without its numbering (for matching section and dimension names).</summary>
    public static string StripNumber(string text) => Number().Replace(text.Trim(), "").Trim();

    /// <summary>Reads like a sentence rather than a heading: ends with or holds sentence punctuation.</summary>
    public static bool ReadsLikeSentence(string text)
    {
        var t = text.TrimEnd(' ', '\u3000', '\t');
        return t.Length > 0 && ("。；;，,：:".Contains(t[^1]) || t.Contains('。'));
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}\s*[、.．]")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^\d{1,2}\s*(?:[.．、](?![\d０-９])|\s)")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^[（(]\s*\d{1,2}\s*[）)]")]
    private static partial Regex Level4();

    [GeneratedRegex(@"^(?:\d{1,2}[）)]|[①-⑳]|[a-zA-Z][.．、)）])")]
    private static partial Regex Level5();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}(?:\.\d{1,2})*(?:\s*[.．、)）]|\s+)|[①-⑳])\s*")]
    private static partial Regex Number();
}
