using System.Text;

namespace CaseIngest.Plugins.OcrStamps.Matching;

/// <summary>
/// Compares the organisation read on a seal with the unit named on the form, tolerant of OCR errors and of characters
/// hidden by overlapping text. Words every organisation shares (有限公司, 集团, 省, 企业联合会…) are dropped first, so that
/// two different companies do not look alike through their common suffix; what remains is compared by longest
/// common subsequence.
/// </summary>
internal static class OrganizationMatcher
{
    private static readonly string[] s_commonWords =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团", "股份", "公司", "企业联合会", "企业家协会", "联合会", "协会",
        "工业", "省", "市", "自治区", "回族", "壮族", "维吾尔",
    ];

    /// <summary>0–1: how well the seal's text matches the unit; 1 when the unit's distinctive part was read whole.</summary>
    public static double Similarity(string sealText, string unit)
    {
        var seal = Distinctive(sealText);
        var expected = Distinctive(unit);
        if (seal.Length == 0 || expected.Length == 0)
        {
            return 0;
        }

        return (double)LongestCommonSubsequence(seal, expected) / Math.Max(seal.Length, expected.Length);
    }

    /// <summary>The CJK characters of a name without the words all organisations share.</summary>
    public static string Distinctive(string name)
    {
        var cjk = new StringBuilder();
        foreach (var c in name)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                cjk.Append(c);
            }
        }

        var text = cjk.ToString();
        foreach (var word in s_commonWords)
        {
            text = text.Replace(word, "", StringComparison.Ordinal);
        }

        return text;
    }

    private static int LongestCommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
