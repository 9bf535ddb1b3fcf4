namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>The five indicators of the form, by the names the record uses, and how their row labels are recognised
/// (the form prints longer names such as 数智化专业人才占企业员工总数的比例).</summary>
internal static class IndicatorNames
{
    public const string MainRevenue = "主营业务收入";
    public const string DigitalRevenue = "数字化业务收入";
    public const string Investment = "数智化建设投入";
    public const string TalentShare = "数智化专业人才占比";
    public const string Patents = "专利或软件著作权数量";

    public static IReadOnlyList<string> All { get; } = [MainRevenue, DigitalRevenue, Investment, TalentShare, Patents];

    /// <summary>The indicator a row label names, or null. Only short cells count: an opinion that mentions
    /// 主营业务收入 is not an indicator row.</summary>
    public static string? Find(string? label)
    {
        var c = FormText.Compact(label);
        if (c.Length is 0 or > 40)
        {
            return null;
        }

        // Without their last character too: a label wrapped before 入 leaves it alone on a line, where OCR misreads it.
        if (c.Contains("数字化业务收", StringComparison.Ordinal))
        {
            return DigitalRevenue;
        }

        if (c.Contains("主营业务收", StringComparison.Ordinal))
        {
            return MainRevenue;
        }

        if (c.Contains("建设投", StringComparison.Ordinal))
        {
            return Investment;
        }

        if (c.Contains("人才", StringComparison.Ordinal) && (c.Contains('比') || c.Contains('占')))
        {
            return TalentShare;
        }

        return c.Contains("专利", StringComparison.Ordinal) || c.Contains("著作权", StringComparison.Ordinal) ? Patents : null;
    }
}
