using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Generated;

/// <summary>Reports written for the tests: every point covered; a point taken out goes to not covered; a point said in
/// other words (none of the rubric's own wording) stays covered, with the new paragraph as its evidence.</summary>
public sealed class GeneratedReportTests
{
    public static TheoryData<string> Points => [.. GeneratedReport.Paragraphs.Keys];

    [Fact]
    public void A_report_with_a_paragraph_per_point_covers_all_19_with_that_paragraph_first()
    {
        var report = GeneratedReport.Build();
        var coverage = Coverage.Analyze(report).Coverage;

        Assert.Equal(19, coverage.Count);
        var lines = report.Text!.Split('\n');
        Assert.All(GeneratedReport.Paragraphs, p =>
        {
            Assert.True(coverage[p.Key].Covered, $"{p.Key} not covered: {coverage[p.Key].Score} < {coverage[p.Key].Threshold}");
            Assert.Equal(p.Value, lines[coverage[p.Key].Evidence[0].Paragraph]);
        });
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void A_point_taken_out_is_not_covered(string point)
    {
        AssertOnlyThisOneNotCovered(point, Coverage.Analyze(GeneratedReport.Build(without: [point])).Coverage);
    }

    /// <summary>Paragraphs that carry a point's words but miss what the point is about: whose training (O1 is the
    /// staff's and the management's, not the customers'), and an episode (H3 is an instance, not the standing division
    /// of labour, which is H1's).</summary>
    public static TheoryData<string, string> NearMisses => new()
    {
        { "O1", "面向经销商和客户开设智能质检应用课程，累计培训客户操作手1200人次。" },
        { "H3", "遇到疑难和异常情况，系统给出关联分析，工程师据此判断原因并处置。" },
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_paragraph_with_the_points_words_but_not_its_object_does_not_cover_it(string point, string words)
    {
        AssertOnlyThisOneNotCovered(point, Coverage.Analyze(GeneratedReport.Build(restated: new Dictionary<string, string> { [point] = words })).Coverage);
    }

    public static TheoryData<string, string> Restatements => new()
    {
        { "S3", "质检发现的缺陷信息实时推送给冲压和喷涂工序，三道工序共用一套缺陷编码，前后工序联动调整参数。" },
        { "T2", "企业统一了物料和缺陷的编码规则，图像入库前自动清洗和抽检，原始图像保存五年后按规定销毁。" },
        { "T4", "平台通过三级等保测评，工控网络与外网物理分开，访问按角色授权并全程留痕，敏感图像加密存放。" },
        { "O4", "企业新设智能质检部，从工艺、设备和信息部门抽调骨干组成跨部门团队，实行项目制管理。" },
        { "O5", "转型目标写入企业五年规划，由总经理牵头统筹，每季度召开推进会督办，结果与各单位考核挂钩。" },
        { "H2", "质检员对着终端说出“查一下上周的划伤”，系统口语化作答，并根据工位自动推送该工位的检验要点。" },
        { "P3", "项目团队取得发明专利授权9件，主持起草行业标准1项，成果入选工信部示范案例。" },
        { "P4", "凭借稳定的质量，企业在家电结构件领域的市场占有率升至第二，成为三家头部品牌的核心供应商。" },
    };

    [Theory]
    [MemberData(nameof(Restatements))]
    public void A_point_said_in_other_words_stays_covered_with_the_new_paragraph_as_evidence(string point, string words)
    {
        var coverage = Coverage.Analyze(GeneratedReport.Build(restated: new Dictionary<string, string> { [point] = words })).Coverage;

        Assert.True(coverage[point].Covered, $"{point}: {coverage[point].Score} < {coverage[point].Threshold}");
        Assert.StartsWith(words[..12], coverage[point].Evidence[0].Quote, StringComparison.Ordinal);
    }

    private static void AssertOnlyThisOneNotCovered(string point, Dictionary<string, PointCoverage> coverage)
    {
        Assert.False(coverage[point].Covered, $"{point} still covered by “{coverage[point].Evidence.FirstOrDefault()?.Quote}” ({coverage[point].Score} ≥ {coverage[point].Threshold})");
        Assert.All(coverage.Where(c => c.Key != point), c => Assert.True(c.Value.Covered, $"{c.Key} lost"));
    }
}
