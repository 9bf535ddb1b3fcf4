using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Scoring;

/// <summary>Where a passage stands weighs in: under a sub-heading that names another point (in the rubric's words) it
/// is about that point, and counts half for this one.</summary>
public sealed class PlacementWeightTests
{
    private const string Competitiveness = "竞争力方面，产品进入两家国际品牌的供应商名录，细分市场份额由9%提高到13%。";

    private static ReportSection Report(string subHeading) => new()
    {
        Text = string.Join('\n', "一、企业概况", "江淮精工成立于2003年，主要生产家电外壳和结构件。", "二、绩效表现", subHeading, Competitiveness),
        Outline =
        [
            new OutlineEntry { Level = 1, Heading = "一、企业概况" },
            new OutlineEntry { Level = 1, Heading = "二、绩效表现" },
            new OutlineEntry { Level = 3, Heading = subHeading },
        ],
    };

    [Fact]
    public void A_passage_under_a_sub_heading_that_names_another_point_counts_half_for_this_one()
    {
        var neutral = Coverage.Analyze(Report("1.其他情况")).Coverage["P4"];
        var namesS2 = Coverage.Analyze(Report("1.场景选择的业务逻辑与战略考量")).Coverage["P4"];

        Assert.True(neutral.Score > 0, "the paragraph speaks to P4");
        Assert.Equal(neutral.Score * Coverage.Rubric.Rubric.OtherPointHeadingFactor, namesS2.Score, 2);
        Assert.StartsWith("竞争力方面", namesS2.Evidence[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sub_heading_that_names_the_point_itself_takes_nothing_off()
    {
        // The heading's 岗位 and 职责 are O2's signals (1.5 each); the passage stands in the performance section, outside
        // O2's dimension, and nothing else.
        var own = Coverage.Analyze(Report("1.岗位职责与能力模型调整")).Coverage["O2"];

        Assert.Equal(3.0 * Coverage.Rubric.Rubric.OutsideSectionFactor, own.Score, 2);
    }
}
