using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search;

/// <summary>The rules of keeping records, above any <see cref="ISearchIndex"/> backend: what people wrote
/// (<see cref="CaseRecord.Review"/>) survives reprocessing; a newer resubmission supersedes an older one and an older one
/// never overwrites a newer (by <see cref="CaseRecord.SubmittedAt"/>); the same submission processed twice stays one document.</summary>
public interface ICaseRepository
{
    /// <summary>Indexes a record from the pipeline, durably, before returning.</summary>
    Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken);

    /// <summary>Changes what people wrote (type confirmation, shortlist) and nothing else; null when the case is unknown.</summary>
    Task<CaseRecord?> UpdateReviewAsync(string submissionId, Action<ReviewSection> change, CancellationToken cancellationToken);

    /// <summary>Changes several stored records at once, each read afresh under its lock: <paramref name="change"/>
    /// returns false to leave one as it is (it moved on since the caller looked). The changed ones are written in one
    /// durable batch. Returns the ids written.</summary>
    Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, bool> change,
        CancellationToken cancellationToken);
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
}
