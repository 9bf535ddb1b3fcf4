using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.History;

/// <summary>The records of earlier package versions of a submission (the current one is in the index). A resubmission
/// keeps the version it replaces here; the package itself stays in the package store under its sha256.</summary>
public interface IRecordHistory
{
    /// <summary>Keeps a superseded version's record, durably, before returning (the same version again is replaced).</summary>
    Task KeepAsync(CaseRecord superseded, CancellationToken cancellationToken);

    /// <summary>The earlier versions of a submission, oldest first.</summary>
    Task<IReadOnlyList<CaseRecord>> ListAsync(string submissionId, CancellationToken cancellationToken);
}
