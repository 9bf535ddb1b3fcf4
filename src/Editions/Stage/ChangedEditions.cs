using CaseIngest.Search.Ingestion;

namespace CaseIngest.Editions.Stage;

/// <summary>The editions whose packages were ingested since they were last taken, with the submissions saved: <c>ingest</c>
/// checks them at the end of its batch, a worker's <c>EditionCheckScheduler</c> when its batch window closes. Fed by
/// <see cref="PackageIngestion"/>, so no caller marks editions itself. The submissions let the stage read only what they
/// can move (their recommenders' records, the duplicate pairs), not the whole edition.</summary>
public sealed class ChangedEditions : IIngestionObserver
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, SortedSet<string>> _changed = [];

    /// <summary>Raised (outside the lock) for each saved package's edition.</summary>
    public event Action<int>? Changed;

    public void Saved(IngestedPackage package)
    {
        if (package.Record.Edition is not { } edition)
        {
            return;
        }

        Add([new TouchedEdition(edition, [package.Record.SubmissionId])]);
        Changed?.Invoke(edition);
    }

    /// <summary>The editions changed since the last call, in order, each with its saved submissions; forgets them.</summary>
    public IReadOnlyList<TouchedEdition> TakeAll()
    {
        lock (_gate)
        {
            var taken = _changed.Select(e => new TouchedEdition(e.Key, [.. e.Value])).ToList();
            _changed.Clear();
            return taken;
        }
    }

    /// <summary>Puts back what a failed check took, for the next one.</summary>
    public void Add(IEnumerable<TouchedEdition> editions)
    {
        lock (_gate)
        {
            foreach (var edition in editions)
            {
                if (!_changed.TryGetValue(edition.Edition, out var ids))
                {
                    _changed[edition.Edition] = ids = new SortedSet<string>(StringComparer.Ordinal);
                }

                ids.UnionWith(edition.SubmissionIds);
            }
        }
    }
}

/// <summary>An edition and the submissions of it that were saved or changed (the stage's incremental input).</summary>
/// <param name="Edition">The edition.</param>
/// <param name="SubmissionIds">The submissions saved, withdrawn or otherwise changed.</param>
public sealed record TouchedEdition(int Edition, IReadOnlyCollection<string> SubmissionIds);
