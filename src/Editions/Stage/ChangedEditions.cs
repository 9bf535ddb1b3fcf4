using CaseIngest.Search.Ingestion;

namespace CaseIngest.Editions.Stage;

/// <summary>The editions whose packages were ingested since they were last taken: <c>ingest</c> checks them at the end of
/// its batch, a worker's <c>EditionCheckScheduler</c> when its batch window closes. Fed by <see cref="PackageIngestion"/>,
/// so no caller marks editions itself.</summary>
public sealed class ChangedEditions : IIngestionObserver
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _changed = [];

    /// <summary>Raised (outside the lock) for each saved package's edition.</summary>
    public event Action<int>? Changed;

    public void Saved(IngestedPackage package)
    {
        if (package.Record.Edition is not { } edition)
        {
            return;
        }

        lock (_gate)
        {
            _changed.Add(edition);
        }

        Changed?.Invoke(edition);
    }

    /// <summary>The editions changed since the last call, in order; forgets them.</summary>
    public IReadOnlyList<int?> TakeAll()
    {
        lock (_gate)
        {
            var editions = _changed.Order().Select(e => (int?)e).ToList();
            _changed.Clear();
            return editions;
        }
    }
}
