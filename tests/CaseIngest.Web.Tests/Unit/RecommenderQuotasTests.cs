using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Intake;

namespace CaseIngest.Web.Tests.Unit;

public sealed class RecommenderQuotasTests
{
    private static CaseRecord Record(string id, int edition, string? normalized, string raw, params string[] codes) => new()
    {
        SubmissionId = id, Edition = edition, Recommender = raw, RecommenderNormalized = normalized,
        Findings = codes.Select(c => new Finding { Code = c, Severity = Severity.Warning }).ToList(),
    };

    [Fact]
    public void FromRecords_CountsPerEditionAndNormalisedRecommender_SubmittedWithinOverAndLate()
    {
        CaseRecord[] records =
        [
            Record("A", 8, "广东省企业联合会", "广东企联"),
            Record("B", 8, "广东省企业联合会", "广东省企业家协会", FindingCodes.RecommenderOverQuota),
            Record("C", 8, "广东省企业联合会", "广东省企业联合会", FindingCodes.RecommenderOverQuota, FindingCodes.LateSubmission),
            Record("D", 7, "广东省企业联合会", "广东省企业联合会"),
            Record("E", 8, null, "未知单位", FindingCodes.RecommenderUnknown),
        ];

        var rows = RecommenderQuotas.FromRecords(records);

        Assert.Equal(
            ["8 广东省企业联合会 3/1/2/1", "8 未知单位 1/1/0/0", "7 广东省企业联合会 1/1/0/0"],
            rows.Select(r => $"{r.Edition} {r.Recommender} {r.Submitted}/{r.WithinQuota}/{r.OverQuota}/{r.Late}"));
    }
}
