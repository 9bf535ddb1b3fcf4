namespace CaseIngest.Search.Audit;

/// <summary>One change a person (or the system, for a resubmission) made to a case's review: who, in which role, when,
/// what, and the value before and after. Append-only: never updated, never deleted.</summary>
public sealed record AuditEvent
{
    /// <summary>The store's order of events (assigned when appended; 0 before).</summary>
    public long Sequence { get; init; }

    public required string SubmissionId { get; init; }

    /// <summary>The person's user name (<see cref="AuditActors.System"/> for the pipeline).</summary>
    public required string Actor { get; init; }

    /// <summary>The person's role at the time: reviewer, editor, admin, expert, or system.</summary>
    public required string Role { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>What changed: one of <see cref="AuditActions"/>.</summary>
    public required string What { get; init; }

    /// <summary>What it changed on, where the action needs it: a finding as <c>code｜evidence</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The value before (null: none), as people read it, e.g. <c>non_compliant：缺推荐单位公章</c>.</summary>
    public string? Before { get; init; }

    /// <summary>The value after (null: removed).</summary>
    public string? After { get; init; }

    /// <summary>The review's revision this change produced.</summary>
    public long Revision { get; init; }

    /// <summary>The package version the change was made on.</summary>
    public int PackageVersion { get; init; } = 1;
}

/// <summary>The values of <see cref="AuditEvent.What"/>.</summary>
public static class AuditActions
{
    public const string FindingDecided = "finding.decided";
    public const string FindingCleared = "finding.cleared";
    public const string PackageDecided = "package.decided";
    public const string PackageReopened = "package.reopened";
    public const string TypeConfirmed = "type.confirmed";
    public const string Shortlisted = "shortlist.set";
    public const string Unshortlisted = "shortlist.removed";
    public const string Selected = "selected.set";
    public const string Unselected = "selected.removed";
    public const string EvaluationChanged = "evaluation.changed";
    /// <summary>An expert was given the case to score (subject: the expert).</summary>
    public const string EvaluationAssigned = "evaluation.assigned";
    /// <summary>An expert's score or note of a point changed (subject: the point; values <c>score：note</c>).</summary>
    public const string EvaluationScored = "evaluation.scored";
    /// <summary>An expert submitted their score sheet (subject: the expert).</summary>
    public const string EvaluationSubmitted = "evaluation.submitted";
    /// <summary>A resubmission became a new version; the decisions that no longer match a finding fell away.</summary>
    public const string NewVersion = "version.new";
}

/// <summary>Who the system is in the audit trail.</summary>
public static class AuditActors
{
    public const string System = "caseingest";
    public const string SystemRole = "system";
}
