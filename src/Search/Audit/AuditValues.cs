using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Audit;

/// <summary>How review values read in the audit trail (<c>before → after</c>): one spelling wherever events are made.</summary>
public static class AuditValues
{
    /// <summary>A finding as the subject of an event: <c>code｜evidence</c>.</summary>
    public static string Finding(string code, string? evidence) =>
        string.IsNullOrWhiteSpace(evidence) ? code : $"{code}｜{ReviewRules.NormalizeEvidence(evidence)}";

    /// <summary><c>dismissed：reason</c>, or null.</summary>
    public static string? Of(FindingDecision? decision) =>
        decision is null ? null : WithReason(CaseRecordJson.Name(decision.Decision), decision.Reason);

    /// <summary><c>non_compliant：reason</c>, or null.</summary>
    public static string? Of(PackageDecision? decision) =>
        decision is null ? null : WithReason(CaseRecordJson.Name(decision.Outcome), decision.Reason);

    private static string WithReason(string value, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? value : $"{value}：{reason}";
}
