using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Tests.Counting;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("人工智能", 4)]
    [InlineData("提升3.5倍", 4)]
    [InlineData("5G网络", 3)]
    [InlineData("COVID-19疫情", 3)]
    [InlineData("，。、；：“”（）《》！？%", 0)]
    [InlineData("AI 与 MES 系统", 5)]
    [InlineData("增长86.2%，达到1.6万人。", 8)]
    [InlineData("ＡＩ平台", 3)]
    [InlineData("〇", 1)]
    [InlineData("v1.2.3-beta", 1)]
    [InlineData("结尾是点3.", 5)]
    [InlineData("", 0)]
    public void Count_Text_CountsAsDesignSays(string text, int expected) => Assert.Equal(expected, WordCounter.Count(text));

    [Theory]
    [InlineData("一、企业概况", 1)]
    [InlineData("二、案例内容", 1)]
    [InlineData("（一）案例应用场景", 2)]
    [InlineData("(二)数智技术能力", 2)]
    [InlineData("1.多品种小批量订单的智能排产", 3)]
    [InlineData("3、合作生态", 3)]
    [InlineData("（1）多中心超声数据集建设", 4)]
    [InlineData("①成本费用", 5)]
    [InlineData("3.5倍的提升", 0)]
    [InlineData("2025年实现收入", 0)]
    [InlineData("企业概况", 0)]
    public void LevelOf_Numbering_Level(string text, int level) => Assert.Equal(level, HeadingNumbering.LevelOf(text));
}
