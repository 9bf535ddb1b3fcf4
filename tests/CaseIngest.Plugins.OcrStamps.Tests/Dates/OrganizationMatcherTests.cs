using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Matching;

namespace CaseIngest.Plugins.OcrStamps.Tests.Dates;

public sealed class OrganizationMatcherTests
{
    [Theory]
    [InlineData("合肥澜庭智能家电股份有限公司", "合肥澜庭智能家电股份有限公司")]
    [InlineData("辽宁南澜港口集团有限公司", "辽宁渤澜港口集团有限公司")]
    [InlineData("四省企业联合会", "四川省企业联合会")]
    [InlineData("海江苏省企业联合会", "江苏省企业联合会")]
    public void Similarity_SameOrganisationReadWithErrors_AtLeastHalf(string read, string unit) =>
        Assert.True(OrganizationMatcher.Similarity(read, unit) >= 0.5);

    [Theory]
    [InlineData("苏州衡序智能软件股份有限公司", "合肥澜庭智能家电股份有限公司")]
    [InlineData("安徽省企业联合会", "江苏省企业联合会")]
    [InlineData("杭州明湖智能装备股份有限公司", "浙江省企业联合会")]
    public void Similarity_OtherOrganisationWithTheSameSuffix_BelowMismatchThreshold(string read, string unit) =>
        Assert.True(OrganizationMatcher.Similarity(read, unit) < 0.3);

    [Theory]
    [InlineData("申 报 单 位 意 见 ：", "申报单位意见：")]
    [InlineData("2026 年 6 月 12 日", "2026年6月12日")]
    [InlineData("PP-OCR v4 模型", "PP-OCR v4模型")]
    public void Clean_SpacesBetweenChineseCharacters_Removed(string text, string clean) => Assert.Equal(clean, PageText.Clean(text));
}
