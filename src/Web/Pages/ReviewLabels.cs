using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;

namespace CaseIngest.Web.Pages;

/// <summary>Chinese names of review states, outcomes and audit actions, for pages. A state that is still the machine's
/// verdict has the verdict's one name (<see cref="Exports.ExportLabels.Verdict(string)"/>).</summary>
internal static class ReviewLabels
{
    public static string State(string state) => state switch
    {
        "needs_review" or "rejected" or "accepted" or "failed" => Exports.ExportLabels.Verdict(state),
        "compliant" => "合规",
        "non_compliant" => "不合规",
        "returned" => "退回补正",
        _ => state,
    };

    public static string State(ReviewState state) => State(CaseRecordJson.Name(state));

    public static string Outcome(PackageOutcome outcome) => State(CaseRecordJson.Name(outcome));

    /// <summary>What an audit event did (<see cref="AuditActions"/>), as the case page's trail reads it; an unknown action
    /// as written.</summary>
    public static string Action(string what) => what switch
    {
        AuditActions.FindingDecided => "对问题作出决定",
        // The decision stays readable in this row's "修改前": who decided what, and why.
        AuditActions.FindingCleared => "问题不再成立，原决定移入记录",
        AuditActions.PackageDecided => "作出审查结论",
        AuditActions.PackageReopened => "重新打开审查",
        AuditActions.TypeConfirmed => "确认案例类型",
        AuditActions.Shortlisted => "列入候选",
        AuditActions.Unshortlisted => "移出候选",
        AuditActions.Selected => "标记入选",
        AuditActions.Unselected => "取消入选",
        AuditActions.EvaluationChanged => "修改评审",
        AuditActions.EvaluationAssigned => "分配评审专家",
        AuditActions.EvaluationScored => "专家评分",
        AuditActions.EvaluationSubmitted => "专家提交评分表",
        AuditActions.NewVersion => "重新提交（新版本）",
        _ => what,
    };
}
