using CaseIngest.Web.Evaluation;

namespace CaseIngest.Web.Tests.Unit;

public sealed class ExpertAssignmentTests
{
    private static readonly ExpertProfile[] s_experts =
    [
        new("expert-a", "安徽省企业联合会"),
        new("expert-b", "山西龙城数智产业集团有限公司"),
        new("expert-c", "晋阳大学"),
        new("expert-d", "华算云科信息技术有限公司"),
    ];

    private static CaseToAssign Case(string id, string applicant, string recommender, params string[] assigned) =>
        new(id, applicant, recommender, assigned);

    [Fact]
    public void Each_case_gets_N_experts_never_of_its_applicant_or_recommender_unit_and_loads_stay_within_one()
    {
        var cases = Enumerable.Range(1, 9).Select(i => Case($"C{i:00}", $"某某{i}号制造有限公司", "中国机械工业联合会")).ToList();
        cases.Add(Case("D01", "合肥澜庭智能家电股份有限公司", "安徽省企业联合会"));
        cases.Add(Case("E02", "山西龙城数智产业集团", "山西省企业联合会"));

        var plan = ExpertAssignment.Plan(cases, s_experts, 3);

        Assert.Empty(plan.ShortBy);
        Assert.All(cases, c => Assert.Equal(3, plan.Added[c.SubmissionId].Count));
        Assert.DoesNotContain("expert-a", plan.Added["D01"]);
        Assert.DoesNotContain("expert-b", plan.Added["E02"]);
        var loads = s_experts.Select(e => plan.Added.Values.Count(a => a.Contains(e.Name))).ToList();
        Assert.Equal(33, loads.Sum());
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void Assignments_already_made_are_kept_and_count_towards_the_load()
    {
        var cases = new[] { Case("C01", "甲公司有限公司", "乙协会", "expert-a", "expert-b"), Case("C02", "丙公司有限公司", "乙协会") };

        var plan = ExpertAssignment.Plan(cases, s_experts, 3);

        Assert.Equal(["expert-c"], plan.Added["C01"]);
        Assert.Equal(["expert-d", "expert-a", "expert-b"], plan.Added["C02"]);
    }

    [Fact]
    public void A_case_with_too_few_eligible_experts_is_reported_short()
    {
        var cases = new[] { Case("C01", "安徽省企业联合会", "晋阳大学") };

        var plan = ExpertAssignment.Plan(cases, s_experts, 3);

        Assert.Equal(["expert-b", "expert-d"], plan.Added["C01"]);
        Assert.Equal(1, plan.ShortBy["C01"]);
    }

    [Theory]
    [InlineData("山西龙城数智产业集团有限公司", "山西龙城数智产业集团", true)]
    [InlineData("华算云科信息技术有限公司", "华算云科 信息技术有限公司", true)]
    [InlineData("安徽省企业联合会", "山西省企业联合会", false)]
    [InlineData("晋阳大学", "", false)]
    public void Units_match_through_spaces_and_short_forms(string a, string b, bool same) => Assert.Equal(same, UnitNames.Same(a, b));
}
