using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Rules;

/// <summary>四(一): <c>recommender_unknown</c> when the recommender is not in the edition's registry (names matched
/// through its aliases); <c>direct_submission</c> when a 智工委 member unit submits its own case.</summary>
internal sealed class RecommenderRule : IEditionRule
{
    public IReadOnlyCollection<string> Codes { get; } = [FindingCodes.RecommenderUnknown, FindingCodes.DirectSubmission];

    public EditionRuleReach Reach => EditionRuleReach.Record;

    public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context)
    {
        foreach (var item in context.Cases)
        {
            var record = item.Record;
            var named = RecommenderName.Of(record);
            if (item.DirectSubmission)
            {
                var why = record.DirectSubmission == true ? "提交系统标明为直接申报" : "推荐单位即申报单位本身";
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.DirectSubmission,
                    Severity = Severity.Info,
                    Message = $"智工委委员单位 {item.Unit!.Name} 直接申报本单位案例：不需推荐单位意见、盖章和联系人",
                    Evidence = $"{why}；申报单位：{record.Form?.Applicant ?? "（未读出）"}；推荐单位：{named ?? "（未填写）"}",
                });
            }
            else if (item.Unit is null)
            {
                var message = record.DirectSubmission == true
                    ? $"提交系统标明直接申报，但申报单位 {record.Form?.Applicant ?? "（未读出）"} 不在本届智工委委员单位名录中：须经推荐单位推荐"
                    : named is null
                        ? "未写明推荐单位，无法核对推荐资格和名额"
                        : $"推荐单位“{named}”不在第{context.Edition}届推荐单位名录中（按全称、简称和别名核对）";
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.RecommenderUnknown,
                    Severity = Severity.Warning,
                    Message = message,
                    Evidence = $"推荐单位：{named ?? "（未填写）"}",
                });
            }
        }
    }
}

/// <summary>The recommender a record names: the submission system's (manifest, message), else the form's.</summary>
internal static class RecommenderName
{
    public static string? Of(CaseRecord record) =>
        !string.IsNullOrWhiteSpace(record.Recommender) ? record.Recommender.Trim()
        : !string.IsNullOrWhiteSpace(record.Form?.Recommender) ? record.Form.Recommender.Trim()
        : null;
}
