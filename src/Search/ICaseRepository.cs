using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search;

/// <summary>The rules of keeping records, above any <see cref="ISearchIndex"/> backend: what people wrote
/// (<see cref="CaseRecord.Review"/>) survives reprocessing; a newer resubmission supersedes an older one and an older one
/// never overwrites a newer (by <see cref="CaseRecord.SubmittedAt"/>); the same submission processed twice stays one
/// document; another package under the same id is a new <see cref="CaseRecord.PackageVersion"/> (the old record kept in
/// the history, finding decisions that still match carried over, the rest and the package decision fall away).</summary>
public interface ICaseRepository
{
    /// <summary>Indexes a record from the pipeline, durably, before returning.</summary>
    Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken);

    /// <summary>Applies a person's change to a case's review and nothing else: refused as a conflict when
    /// <see cref="ReviewEdit.ExpectedRevision"/> is given and the review has moved on; otherwise the change's audit events
    /// are appended (durably) and the review saved with its revision one up. A change that changes nothing saves nothing.</summary>
    Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken);

    /// <summary>Changes several stored records at once, each read afresh under its lock, for what the machine writes (the
    /// edition stage's findings, a withdrawal): <paramref name="change"/> says whether to write the record (not when it
    /// moved on since the caller looked) and which of its review it changed — each such change an audit event by the
    /// system, appended durably before the write, with the review's revision one up. The changed records are written in one
    /// durable batch. Returns the ids written.</summary>
    Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken);
}

/// <summary>What a machine change (<see cref="ICaseRepository.UpdateManyAsync"/>) did to one record.</summary>
/// <param name="Write">Whether the record is to be written.</param>
/// <param name="ReviewChanges">What it changed of the record's review (each becomes an audit event by the system).</param>
public sealed record RecordUpdate(bool Write, IReadOnlyList<ReviewChange> ReviewChanges)
{
    /// <summary>Leave the record as it is.</summary>
    public static RecordUpdate Unchanged { get; } = new(false, []);

    /// <summary>Write the record; its review is untouched.</summary>
    public static RecordUpdate Written { get; } = new(true, []);
}

/// <summary>What <see cref="ICaseRepository.SaveAsync"/> did.</summary>
public enum SaveOutcome
{
    /// <summary>A new document.</summary>
    Created,
    /// <summary>The existing document was replaced (review kept).</summary>
    Replaced,
    /// <summary>Not written: the index holds a newer submission of the same id.</summary>
    SkippedOlder,
    /// <summary>Another package of the same submission: a new version replaced the document, the old one is in the history.</summary>
    NewVersion,
}

/// <summary>Who changes a review: the user name and the role they act in.</summary>
public sealed record ReviewActor(string Name, string Role);

/// <summary>One change to a review. <see cref="Apply"/> receives the current record (its <c>Review</c> never null),
/// changes <c>record.Review</c> and says what it changed, or refuses with a reason.</summary>
public sealed record ReviewEdit(ReviewActor Actor, long? ExpectedRevision, Func<CaseRecord, ReviewEditResult> Apply);

/// <summary>What an edit changed (each item becomes an audit event), or why it was refused.</summary>
public sealed class ReviewEditResult
{
    private ReviewEditResult(IReadOnlyList<ReviewChange> changes, string? error, bool conflict = false)
    {
        Changes = changes;
        Error = error;
        IsConflict = conflict;
    }

    public IReadOnlyList<ReviewChange> Changes { get; }

    /// <summary>Why the change was refused (nothing saved), in Chinese for the person.</summary>
    public string? Error { get; }

    public static ReviewEditResult Of(IReadOnlyList<ReviewChange> changes) => new(changes, null);

    public static ReviewEditResult Of(params ReviewChange[] changes) => new(changes, null);

    /// <summary>Whether the refusal is a conflict: what the person changed moved on since they saw it.</summary>
    public bool IsConflict { get; }

    public static ReviewEditResult Refused(string error) => new([], error);

    /// <summary>Refused because a value the change names moved on since the person saw it (finer than the revision):
    /// <see cref="ReviewUpdateStatus.Conflict"/>, with the record as it stands.</summary>
    public static ReviewEditResult Conflicted(string error) => new([], error, conflict: true);
}

/// <summary>One change: what (<see cref="Audit.AuditActions"/>), on what, and the value before and after as people read it.</summary>
public sealed record ReviewChange(string What, string? Subject, string? Before, string? After);

/// <summary>How <see cref="ICaseRepository.UpdateReviewAsync"/> ended. <see cref="Record"/> is the case as stored after
/// it (for a conflict: as it stands, so the person sees what changed meanwhile).</summary>
public sealed record ReviewUpdate(ReviewUpdateStatus Status, CaseRecord? Record, string? Error = null)
{
    public static ReviewUpdate NotFound { get; } = new(ReviewUpdateStatus.NotFound, null);
}

/// <summary>The end of a review change.</summary>
public enum ReviewUpdateStatus
{
    Saved,
    /// <summary>The change changed nothing; nothing was written.</summary>
    Unchanged,
    NotFound,
    /// <summary>The review moved on since the revision the person saw.</summary>
    Conflict,
    /// <summary>Refused by the change itself (<see cref="ReviewUpdate.Error"/>).</summary>
    Invalid,
}
