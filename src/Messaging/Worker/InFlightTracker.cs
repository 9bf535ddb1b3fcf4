namespace CaseIngest.Messaging.Worker;

/// <summary>Counts deliveries being worked on, refuses new ones once closed, and lets shutdown wait for zero.</summary>
internal sealed class InFlightTracker
{
    private readonly Lock _gate = new();
    private int _count;
    private bool _closed;
    private TaskCompletionSource? _idle;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _count++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _count--;
            if (_count == 0)
            {
                _idle?.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new work and returns a task that completes when none is left.</summary>
    public Task CloseAndWaitIdleAsync()
    {
        lock (_gate)
        {
            _closed = true;
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
