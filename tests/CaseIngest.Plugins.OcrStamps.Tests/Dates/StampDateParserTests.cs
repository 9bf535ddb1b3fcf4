using CaseIngest.Plugins.OcrStamps.Dates;

namespace CaseIngest.Plugins.OcrStamps.Tests.Dates;

public sealed class StampDateParserTests
{
    [Theory]
    [InlineData("2026年5月20日", "2026-05-20")]
    [InlineData("2026 年 5 月 20 日", "2026-05-20")]
    [InlineData("二〇二六年五月二十日", "2026-05-20")]
    [InlineData("二○二六年十二月三十一日", "2026-12-31")]
    [InlineData("二〇二六年七月十日", "2026-07-10")]
    [InlineData("2026.5.20", "2026-05-20")]
    [InlineData("2026-05-20", "2026-05-20")]
    [InlineData("2026/05/20", "2026-05-20")]
    [InlineData("２０２６年６月３日", "2026-06-03")]
    [InlineData("日期：2O26年6月12日", "2026-06-12")]
    [InlineData("推荐单位盖章 2026年6月30日", "2026-06-30")]
    public void Parse_WrittenDate_Iso(string text, string iso) =>
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), StampDateParser.Parse(text));

    [Theory]
    [InlineData("年 月 日")]
    [InlineData("2026年13月1日")]
    [InlineData("2026年2月30日")]
    [InlineData("申报单位盖章")]
    [InlineData("电话：13912345678")]
    public void Parse_NoValidDate_Null(string text) => Assert.Null(StampDateParser.Parse(text));
}
