namespace CaseIngest.Bench.Workers;

/// <summary>Counts the workers' "Indexed submission" and "dead-lettered" log lines; completes at the expected count and
/// tells <paramref name="onSettled"/> each new total (the memory run reads the peak at checkpoints).</summary>
internal sealed class DrainSignal(int expected, Action<int>? onSettled = null)
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _indexed;
    private int _deadLettered;

    public Task Completed => _completed.Task;

    public int Indexed => Volatile.Read(ref _indexed);

    public int DeadLettered => Volatile.Read(ref _deadLettered);

    /// <summary>When the last expected message settled (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    public long CompletedAt { get; private set; }

    public void Observe(string line)
    {
        if (line.Contains("Indexed submission ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _indexed);
        }
        else if (line.Contains(" dead-lettered to ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _deadLettered);
        }
        else
        {
            return;
        }

        var settled = Indexed + DeadLettered;
        onSettled?.Invoke(settled);
        if (settled >= expected && !_completed.Task.IsCompleted)
        {
            CompletedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            _completed.TrySetResult();
        }
    }
}
