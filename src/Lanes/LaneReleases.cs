namespace CaseIngest.Lanes;

/// <summary>
/// Word, across the machine's processes, that a lane was let go: the process letting go touches a signal file in the
/// lanes' folder, and every process watching the folder (inotify) wakes its waiters, which then try the lanes
/// again. A lane let go by a process that died touches nothing; the waiters' slow fallback finds it.
/// </summary>
/// <remarks>Waiting OCR engines used to try the lanes again every 1–4 ms, some 250 times a second each. Two worker
/// processes on two cores, where two engines wait at a time, spent 0.99 and 1.07 CPU s a message that way; with this,
/// 0.97 and 1.01 in one run and 1.04 and 1.04 in another (docs/BENCHMARKS.md, #20, session 23): within the runs'
/// spread.</remarks>
internal sealed class LaneReleases : IDisposable
{
    private readonly string _signalFile;
    private readonly FileSystemWatcher? _watcher;
    private TaskCompletionSource _next = NewSignal();

    public LaneReleases(string folder)
    {
        _signalFile = Path.Combine(folder, "released");
        File.WriteAllBytes(_signalFile, []);
        try
        {
            _watcher = new FileSystemWatcher(folder, Path.GetFileName(_signalFile))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Attributes,
            };
            _watcher.Changed += (_, _) => Wake();
            _watcher.Error += (_, _) => Wake();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // No inotify to be had (the instances are used up): waiters fall back to trying again now and then.
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>Completes at the next release anywhere on the machine (or this process's own). Taken before looking
    /// at the lanes, so that a release between the look and the wait is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Says that a lane was let go: to this process's waiters at once, to other processes through the
    /// file.</summary>
    public void Announce()
    {
        Wake();
        try
        {
            File.SetLastWriteTimeUtc(_signalFile, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cleaned away under us: other processes' waiters find the lane with their fallback.
        }
    }

    private void Wake() => Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _watcher?.Dispose();
}
