namespace CaseIngest.Search.Audit;

/// <summary>The audit trail of people's changes, kept beside the index (embedded: <see cref="SqliteAuditStore"/>; with
/// <c>Search:Provider=Elasticsearch</c>, in Elasticsearch). Append-only; it survives reindex, reprocessing and restarts.</summary>
public interface IAuditStore
{
    /// <summary>Appends the events of one change, durably and all or none, before returning.</summary>
    Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken);

    /// <summary>A case's events, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAsync(string submissionId, CancellationToken cancellationToken);

    /// <summary>Every event, oldest first (export).</summary>
    IAsyncEnumerable<AuditEvent> ReadAllAsync(CancellationToken cancellationToken);
}
