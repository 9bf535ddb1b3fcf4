using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Scoring;

/// <summary>The before/after figures of a report: every "由/从 A … 到/至 B" a passage states, wherever in it.</summary>
public sealed class BeforeAfterFiguresTests
{
    [Fact]
    public void Figures_APassageWhoseFirst由StartsNoFigure_StillYieldsEveryFigureAfterIt()
    {
        // GIVEN a passage whose first 由 is not a change ("由信息部牵头"), then two changes, and a passage with a third
        var report = new ReportSection
        {
            Text = string.Join('\n', "一、企业概况", "项目由信息部牵头实施，上线后订单交付周期由12天缩短到7天，库存周转率从5.2次提升至8.1次。",
                "二、绩效表现", "设备综合效率从61%提高到78%。", "全年未发生安全事故。"),
            Outline =
            [
                new OutlineEntry { Level = 1, Heading = "一、企业概况" },
                new OutlineEntry { Level = 1, Heading = "二、绩效表现" },
            ],
        };

        // WHEN the report is analysed
        var figures = Coverage.Analyze(report).Coverage[Coverage.Rubric.Rubric.FiguresPoint!].Figures ?? [];

        // THEN all three changes are read, each with its metric
        Assert.Equal([(5.2, 8.1), (12.0, 7.0), (61.0, 78.0)], figures.Select(f => (f.Before, f.After)).Order());
        Assert.Contains(figures, f => f.Metric.EndsWith("订单交付周期", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Metric == "库存周转率");
        Assert.Contains(figures, f => f.Metric == "设备综合效率");
    }
}
