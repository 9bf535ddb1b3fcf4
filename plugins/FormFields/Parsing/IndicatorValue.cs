using System.Globalization;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>An indicator cell read as a number: money in 万元, shares in percent, counts as counts.</summary>
internal static class IndicatorValue
{
    private static readonly string[] s_blanks = ["-", "--", "—", "——", "/", "\\", "无", "暂无", "n/a", "na", "不适用", "空"];

    /// <summary>Reads a cell. <paramref name="unit"/> is the row's unit column (万元, 亿元, %, 项) when there is one.
    /// Returns null for a blank; <paramref name="unreadable"/> tells a blank from text that is no number.</summary>
    public static double? Parse(string? text, string? unit, out bool unreadable)
    {
        unreadable = false;
        var s = FormText.Compact(text).ToLowerInvariant();
        if (s.Length == 0 || s_blanks.Contains(s))
        {
            return null;
        }

        var multiplier = UnitMultiplier(FormText.Compact(unit));
        foreach (var (suffix, factor) in s_suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                multiplier = factor ?? multiplier;
                break;
            }
        }

        s = s.Replace(",", "").Replace("'", "").Replace("_", "").Replace("约", "");
        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            unreadable = true;
            return null;
        }

        // Round away binary noise (1.23 亿元 × 10000 = 12300.000000000002).
        return Math.Round(value * multiplier, 6);
    }

    // A unit written in the value cell overrides the column's; null factor = the unit does not change the scale.
    private static readonly (string Suffix, double? Factor)[] s_suffixes =
    [
        ("亿元", 10000), ("亿", 10000), ("万元", 1), ("万", 1), ("元", 0.0001), ("%", null), ("项", null), ("件", null),
        ("个", null), ("人", null),
    ];

    private static double UnitMultiplier(string unit) =>
        unit.Contains('亿') ? 10000 : unit is "元" or "(元)" ? 0.0001 : 1;
}
