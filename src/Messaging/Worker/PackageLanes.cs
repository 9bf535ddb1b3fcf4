using CaseIngest.Lanes;
using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Worker;

/// <summary>
/// The machine's package lanes as this worker process takes them: a message is worked on while it holds one, so the
/// worker processes on one machine together work on as many packages at once as there are lanes (one per core by
/// default), not each as many as its own concurrency. Opened once for the process's life: the lanes' watcher wakes
/// waiters when any process lets a lane go.
/// </summary>
/// <remarks>Two workers on two cores, each at its default concurrency of two, had four packages under way and kept up
/// with <c>ingest</c> at 0.88–0.89 of its pace; at a concurrency of one each (two under way), 0.98 and 1.01
/// (docs/BENCHMARKS.md, #20, session 23).</remarks>
public sealed class PackageLanes : IDisposable
{
    private readonly MachineLanes? _lanes;
    private int _nextPreferred;

    public PackageLanes(IOptions<RabbitMqOptions> options, ILogger<PackageLanes> logger)
    {
        var settings = options.Value;
        _lanes = MachineLanes.OpenShared("package", settings.SharePackageLanes, settings.PackageLanes, settings.PackageLanesFolder, logger);
    }

    /// <summary>How many lanes the machine has, or null when this worker does not share them.</summary>
    public int? Count => _lanes?.Count;

    public string? Folder => _lanes?.Folder;

    /// <summary>Takes a free lane, else waits for the first one let go on the machine; null when lanes are not shared.
    /// Disposing the result lets the lane go.</summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_lanes is null)
        {
            return null;
        }

        // Each message its own holder (a flock belongs to the descriptor), preferring lanes in turn so that this
        // process's messages do not all try the same lane first.
        var holder = _lanes.NewHolder(Interlocked.Increment(ref _nextPreferred) & int.MaxValue);
        try
        {
            return new HeldLane(holder, await holder.EnterAsync(cancellationToken));
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    public void Dispose() => _lanes?.Dispose();

    private sealed class HeldLane(MachineLaneHolder holder, MachineLane lane) : IDisposable
    {
        public void Dispose()
        {
            lane.Dispose();
            holder.Dispose();
        }
    }
}
