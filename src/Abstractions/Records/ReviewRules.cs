using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CaseIngest.Abstractions.Records;

/// <summary>DESIGN.md, "Review": the one definition of what still waits for a person and of the verdict that counts.
/// Search filters and counts, the queue, the case page, the lists and the notices all ask here.</summary>
public static partial class ReviewRules
{
    /// <summary>The states a queue serves to reviewers: no decision yet, checks complete (failed packages are shown apart,
    /// to admins). <c>needs_review</c> and <c>rejected</c> come first.</summary>
    public static IReadOnlyList<ReviewState> Queue { get; } = [ReviewState.NeedsReview, ReviewState.Rejected, ReviewState.Accepted];

    /// <summary>Every state that waits for a person: the queue and the failed packages.</summary>
    public static IReadOnlyList<ReviewState> Waiting { get; } = [.. Queue, ReviewState.Failed];

    /// <summary>Whether a person may dismiss a finding of this code: never the machine's own failures (the package must be
    /// sent again or reprocessed).</summary>
    public static bool CanBeDismissed(string code) => code is not (FindingCodes.PackageUnreadable or FindingCodes.PluginFailed);

    /// <summary>The state that counts: the person's decision when there is one, else the machine's verdict over the
    /// findings that stand (dismissed ones removed).</summary>
    public static ReviewState StateOf(CaseRecord record) => record.Review?.Decision?.Outcome switch
    {
        PackageOutcome.Compliant => ReviewState.Compliant,
        PackageOutcome.NonCompliant => ReviewState.NonCompliant,
        PackageOutcome.Returned => ReviewState.Returned,
        _ => EffectiveVerdict(record) switch
        {
            Verdict.Accepted => ReviewState.Accepted,
            Verdict.NeedsReview => ReviewState.NeedsReview,
            Verdict.Rejected => ReviewState.Rejected,
            _ => ReviewState.Failed,
        },
    };

    /// <summary>True while no person has decided on the package.</summary>
    public static bool WaitsForPerson(CaseRecord record) => record.Review?.Decision is null;

    /// <summary>The machine's verdict without the findings a person dismissed.</summary>
    public static Verdict EffectiveVerdict(CaseRecord record)
    {
        var review = record.Review;
        if (review is null || review.Findings.Count == 0)
        {
            return record.Verdict;
        }

        var standing = StandingFindings(record);
        return standing.Count == record.Findings.Count ? record.Verdict : VerdictRule.Derive(standing);
    }

    /// <summary>The record's findings that a person has not dismissed.</summary>
    public static IReadOnlyList<Finding> StandingFindings(CaseRecord record) =>
        [.. record.Findings.Where(f => !IsDismissed(f, record.Review))];

    /// <summary>Whether a person dismissed this finding (a failure of the machine is never dismissed).</summary>
    public static bool IsDismissed(Finding finding, ReviewSection? review) =>
        CanBeDismissed(finding.Code) && DecisionFor(finding, review)?.Decision == FindingOutcome.Dismissed;

    /// <summary>The person's decision on this finding, matched by code and evidence (<see cref="EvidenceKey"/>), never by location:
    /// paragraphs move between versions of a report.</summary>
    public static FindingDecision? DecisionFor(Finding finding, ReviewSection? review) =>
        review?.Findings.LastOrDefault(d => SameFinding(d.Code, d.Evidence, finding));

    /// <summary>Whether a decision made on (code, evidence) concerns this finding: the same code and the same evidence,
    /// white space and paragraph numbers aside.</summary>
    public static bool SameFinding(string code, string? evidence, Finding finding) =>
        string.Equals(code, finding.Code, StringComparison.Ordinal)
        && string.Equals(EvidenceKey(evidence), EvidenceKey(finding.Evidence), StringComparison.Ordinal);

    /// <summary>Evidence as two versions of a package are matched: normalised, and without the paragraph numbers the checks
    /// quote ("二、案例内容第 32 段“我们…”"), which change when a paragraph is added above while the quoted text stands.</summary>
    public static string EvidenceKey(string? evidence) => ParagraphNumber().Replace(NormalizeEvidence(evidence), "第段");

    /// <summary>Evidence as it is compared: runs of white space are one space, ends trimmed.</summary>
    public static string NormalizeEvidence(string? evidence) =>
        string.IsNullOrWhiteSpace(evidence) ? "" : string.Join(' ', evidence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"第 ?\d+ ?段")]
    private static partial Regex ParagraphNumber();
}

/// <summary>Where a package stands in the compliance review: decided by a person (compliant, non_compliant, returned), or
/// still waiting with the machine's proposal (accepted, needs_review, rejected, failed). See <see cref="ReviewRules.StateOf"/>.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReviewState>))]
public enum ReviewState
{
    /// <summary>Waiting; the machine proposes compliant.</summary>
    Accepted,
    /// <summary>Waiting; a warning stands, a person must look.</summary>
    NeedsReview,
    /// <summary>Waiting; an error stands, the machine proposes non-compliant.</summary>
    Rejected,
    /// <summary>Waiting; the checks are incomplete (shown apart, to admins).</summary>
    Failed,
    /// <summary>Decided: 合规.</summary>
    Compliant,
    /// <summary>Decided: 不合规.</summary>
    NonCompliant,
    /// <summary>Decided: 退回补正.</summary>
    Returned,
}
