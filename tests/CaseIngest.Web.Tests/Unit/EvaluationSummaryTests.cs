using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Evaluation;

namespace CaseIngest.Web.Tests.Unit;

public sealed class EvaluationSummaryTests
{
    private static EvaluationSection Rubric() => new()
    {
        Dimensions = [new() { Id = "S", Name = "应用场景", Weight = 0.5 }, new() { Id = "P", Name = "绩效表现", Weight = 0.5 }],
        Coverage = new()
        {
            ["S1"] = new() { Dimension = "S", Name = "核心业务环节和范围的界定" },
            ["S2"] = new() { Dimension = "S", Name = "场景选择的业务逻辑与战略考量" },
            ["P1"] = new() { Dimension = "P", Name = "经济效益" },
        },
    };

    [Fact]
    public void Means_spread_and_the_disagreement_flag_follow_the_scores()
    {
        ExpertScore[] scores =
        [
            new("a", "S1", 4), new("b", "S1", 5), new("c", "S1", 4),
            new("a", "S2", 1), new("b", "S2", 4), new("c", "S2", 3),
            new("a", "P1", 5), new("b", "P1", 5), new("c", "P1", 5),
        ];

        var result = EvaluationSummary.Summarize(Rubric(), scores, new EvaluationOptions());

        var s2 = result.Points.Single(p => p.Point == "S2");
        Assert.Equal((2.67, 3.0, true), (s2.Mean!.Value, s2.Spread!.Value, s2.Disputed));
        Assert.False(result.Points.Single(p => p.Point == "S1").Disputed);
        Assert.Equal(["S2"], result.Disputed.Select(p => p.Point));
        Assert.Equal(3.5, result.Dimensions.Single(d => d.Dimension == "S").Mean);
        Assert.Equal(85.0, result.Total); // (0.5 × 3.5 + 0.5 × 5) / 5 × 100 = 85 (S mean of 4.33 and 2.67)
    }

    [Fact]
    public void A_spread_of_exactly_the_gap_is_not_flagged_and_no_scores_give_no_total()
    {
        var result = EvaluationSummary.Summarize(Rubric(), [new("a", "S1", 2), new("b", "S1", 4)], new EvaluationOptions());

        Assert.False(result.Points.Single(p => p.Point == "S1").Disputed);
        Assert.Null(result.Total);
        Assert.Null(result.Points.Single(p => p.Point == "P1").Mean);
    }
}
