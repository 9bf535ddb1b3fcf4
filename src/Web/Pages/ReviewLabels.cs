using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Pages;

/// <summary>Chinese names of review states and outcomes, for pages.</summary>
internal static class ReviewLabels
{
    public static string State(string state) => state switch
    {
        "needs_review" => "需人工复核",
        "rejected" => "系统判不合规",
        "accepted" => "系统判通过",
        "failed" => "处理失败",
        "compliant" => "合规",
        "non_compliant" => "不合规",
        "returned" => "退回补正",
        _ => state,
    };

    public static string State(ReviewState state) => State(CaseRecordJson.Name(state));

    public static string Outcome(PackageOutcome outcome) => State(CaseRecordJson.Name(outcome));
}
