using System.Text.Json.Serialization;

namespace CaseIngest.Abstractions.Records;

/// <summary>A person's decision on one finding. The finding is named by its code and evidence (its location is kept to
/// show, not to match: paragraphs move between versions).</summary>
public sealed class FindingDecision
{
    /// <summary>The finding's code.</summary>
    public string Code { get; set; } = "";
    /// <summary>The finding's evidence as the record had it when the decision was made.</summary>
    public string? Evidence { get; set; }
    /// <summary>Where the finding was then.</summary>
    public FindingLocation? Location { get; set; }
    /// <summary>upheld or dismissed.</summary>
    public FindingOutcome Decision { get; set; }
    /// <summary>Why; required to dismiss.</summary>
    public string? Reason { get; set; }
    /// <summary>Who decided.</summary>
    public string? By { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset? At { get; set; }
}

/// <summary>What a person decided about a finding.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FindingOutcome>))]
public enum FindingOutcome
{
    /// <summary>The finding stands.</summary>
    Upheld,
    /// <summary>The finding is wrong: it no longer counts (never for the machine's own failures).</summary>
    Dismissed,
}

/// <summary>The decision on a package that counts for the edition.</summary>
public sealed class PackageDecision
{
    /// <summary>compliant, non_compliant or returned.</summary>
    public PackageOutcome Outcome { get; set; }
    /// <summary>Why (required for non_compliant and returned).</summary>
    public string? Reason { get; set; }
    /// <summary>Who decided.</summary>
    public string? By { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset? At { get; set; }
}

/// <summary>The outcome of the compliance review (合规性审查) for a package.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PackageOutcome>))]
public enum PackageOutcome
{
    /// <summary>合规: goes on to the experts.</summary>
    Compliant,
    /// <summary>不合规: eliminated (直接淘汰).</summary>
    NonCompliant,
    /// <summary>退回补正: sent back for correction (only while the call is open).</summary>
    Returned,
}

/// <summary>入选: who selected the case, and when.</summary>
public sealed class Selection
{
    /// <summary>The admin who selected it.</summary>
    public string? By { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset? At { get; set; }
}

/// <summary>The experts' evaluation of one case: who it is assigned to, their scores per point, who has submitted.</summary>
public sealed class EvaluationReview
{
    /// <summary>The experts the case is assigned to.</summary>
    public List<string> AssignedTo { get; set; } = [];
    /// <summary>Every score given, per expert and point.</summary>
    public List<PointScore> Scores { get; set; } = [];
    /// <summary>The experts who have submitted their sheet.</summary>
    public List<string> Submitted { get; set; } = [];
}

/// <summary>One expert's score on one of the 19 points.</summary>
public sealed class PointScore
{
    /// <summary>The expert.</summary>
    public string Expert { get; set; } = "";
    /// <summary>The point (S1…P4).</summary>
    public string Point { get; set; } = "";
    /// <summary>The score.</summary>
    public double? Score { get; set; }
    /// <summary>The expert's note.</summary>
    public string? Note { get; set; }
    /// <summary>When it was given.</summary>
    public DateTimeOffset? At { get; set; }
}
