using CaseIngest.Editions.Stage;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Editions;

/// <summary>
/// Runs the edition rules after a batch: the handler marks the edition of every record it saves; the first mark opens a
/// batch window of <see cref="EditionCheckOptions.Delay"/> (timed by the injected <see cref="TimeProvider"/>), after which
/// every marked edition is checked once. Several workers may check the same edition at once: the stage is deterministic
/// and writes idempotently, so they agree.
/// </summary>
public sealed class EditionCheckScheduler : BackgroundService
{
    private readonly EditionStage _stage;
    private readonly ChangedEditions _changedEditions;
    private readonly TimeProvider _time;
    private readonly IOptions<EditionCheckOptions> _options;
    private readonly ILogger<EditionCheckScheduler> _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _marked = new(0, 1);
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly HashSet<int> _pending = [];
    private int _checks;

    /// <summary>Listens to <paramref name="changedEditions"/>: every package the worker's <c>PackageIngestion</c> saves marks
    /// its edition.</summary>
    public EditionCheckScheduler(EditionStage stage, ChangedEditions changedEditions, TimeProvider time,
        IOptions<EditionCheckOptions> options, ILogger<EditionCheckScheduler> logger)
    {
        _stage = stage;
        _changedEditions = changedEditions;
        _time = time;
        _options = options;
        _logger = logger;
        changedEditions.Changed += MarkChanged;
    }

    /// <summary>How many edition checks this worker has finished (for tests and health).</summary>
    public int ChecksCompleted => Volatile.Read(ref _checks);

    /// <summary>Editions marked and not yet checked.</summary>
    public IReadOnlyList<int> Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Order().ToList();
            }
        }
    }

    /// <summary>Notes that a record of <paramref name="edition"/> was saved.</summary>
    private void MarkChanged(int edition)
    {
        lock (_gate)
        {
            if (!_pending.Add(edition) || _pending.Count > 1)
            {
                return;
            }
        }

        if (_marked.CurrentCount == 0)
        {
            try
            {
                _marked.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Checks every marked edition now.</summary>
    public async Task<IReadOnlyList<EditionCheckResult>> RunPendingAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<TouchedEdition> touched;
            lock (_gate)
            {
                _pending.Clear();
                touched = _changedEditions.TakeAll();
            }

            try
            {
                // Only what the batch's packages can move is read (their recommenders' records, the duplicate pairs).
                var results = await _stage.RunAsync(touched, cancellationToken);
                Interlocked.Add(ref _checks, results.Count);
                return results;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next batch (or edition-check) checks them again: mark them back.
                _changedEditions.Add(touched);
                lock (_gate)
                {
                    _pending.UnionWith(touched.Select(t => t.Edition));
                }

                _logger.EditionCheckFailed(ex, string.Join(",", touched.Select(t => t.Edition)));
                return [];
            }
        }
        finally
        {
            _running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _marked.WaitAsync(stoppingToken);
                if (_options.Value.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.Value.Delay, _time, stoppingToken);
                }

                await RunPendingAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (Pending.Count > 0)
            {
                _logger.EditionCheckLeft(string.Join(",", Pending));
            }
        }
    }

    public override void Dispose()
    {
        _changedEditions.Changed -= MarkChanged;
        _marked.Dispose();
        _running.Dispose();
        base.Dispose();
    }
}
