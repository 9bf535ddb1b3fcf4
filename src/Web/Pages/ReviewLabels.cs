using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Pages;

/// <summary>Chinese names of review states and outcomes, for pages. A state that is still the machine's verdict has the
/// verdict's one name (<see cref="Exports.ExportLabels.Verdict(string)"/>).</summary>
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
}
