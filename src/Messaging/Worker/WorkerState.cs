namespace CaseIngest.Messaging.Worker;

/// <summary>What the health checks report: is the consume loop alive, is it attached to the broker.
/// A singleton written by <see cref="SubmissionWorker"/> only.</summary>
public sealed class WorkerState
{
    private volatile bool _consuming;
    private volatile bool _loopEnded;
    private volatile string? _lastError;
    private long _connectedSinceTicks;

    public bool IsConsuming => _consuming;

    /// <summary>The loop ended on its own (not by shutdown): the process needs a restart.</summary>
    public bool LoopEnded => _loopEnded;

    public string? LastError => _lastError;

    public DateTimeOffset? ConnectedSince
    {
        get
        {
            var ticks = Interlocked.Read(ref _connectedSinceTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    internal void SetConsuming()
    {
        Interlocked.Exchange(ref _connectedSinceTicks, DateTimeOffset.UtcNow.UtcTicks);
        _consuming = true;
        _lastError = null;
    }

    internal void SetDisconnected(string? error)
    {
        _consuming = false;
        Interlocked.Exchange(ref _connectedSinceTicks, 0);
        if (error is not null)
        {
            _lastError = error;
        }
    }

    internal void SetLoopEnded(string error)
    {
        SetDisconnected(error);
        _loopEnded = true;
    }
}
