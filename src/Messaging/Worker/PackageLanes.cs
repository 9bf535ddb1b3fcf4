using CaseIngest.Lanes;
using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Worker;

/// <summary>
/// The machine's package lanes as this worker process takes them: a message is worked on while it holds one, so the
/// worker processes on one machine together work on as many packages at once as there are lanes (one per core by
/// default), not each as many as its own concurrency. The workers also count each other (<see cref="MachinePresence"/>)
/// so that each takes only its share of the lanes' messages from the broker (<see cref="FairShare"/>): the packages
/// under way are spread over the processes rather than gathered in one while the others' messages wait. Opened once for
/// the process's life: the lanes' watcher wakes waiters when any process lets a lane go.
/// </summary>
/// <remarks>Two workers on two cores, each at its default concurrency of two, had four packages under way and kept up
/// with <c>ingest</c> at 0.89 of its pace. With the lanes alone (two under way, gathered in whichever process took them)
/// 0.93 and 0.94; with one message at a time in each worker, 0.98; with the lanes and each worker's share, 1.05
/// (docs/BENCHMARKS.md, #20, session 24: one run each, the worker part alone).</remarks>
public sealed class PackageLanes : IDisposable
{
    private readonly MachineLanes? _lanes;
    private readonly MachinePresence? _workers;
    private int _nextPreferred;

    public PackageLanes(IOptions<RabbitMqOptions> options, ILogger<PackageLanes> logger)
    {
        var settings = options.Value;
        _lanes = MachineLanes.OpenShared("package", settings.SharePackageLanes, settings.PackageLanes, settings.PackageLanesFolder, logger);
        _workers = _lanes is null ? null : MachinePresence.Join(_lanes.Folder, "worker");
    }

    /// <summary>How often a consuming worker counts the machine's workers again (<see cref="FairShare"/>).</summary>
    internal TimeSpan RecountPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many lanes the machine has, or null when this worker does not share them.</summary>
    public int? Count => _lanes?.Count;

    public string? Folder => _lanes?.Folder;

    /// <summary>How many messages this worker should hold at once: the lanes divided among the worker processes running
    /// on the machine now (at least one), at most <paramref name="concurrency"/>; the concurrency when lanes are not
    /// shared.</summary>
    public int FairShare(int concurrency) =>
        _lanes is { } lanes && _workers is { } workers ? Math.Clamp(lanes.Count / workers.Count(), 1, concurrency) : concurrency;

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

    public void Dispose()
    {
        _workers?.Dispose();
        _lanes?.Dispose();
    }

    private sealed class HeldLane(MachineLaneHolder holder, MachineLane lane) : IDisposable
    {
        public void Dispose()
        {
            lane.Dispose();
            holder.Dispose();
        }
    }
}
