using System.Runtime.InteropServices;

namespace CaseIngest.Search.Lucene;

/// <summary>The lowest scheduling priority (Linux nice 19) of the index upkeep threads: on a machine whose cores the
/// packages keep busy, inverting saved cases and merging segments yield to the packages, and take the cores whenever
/// they would idle. Their backlog is bounded all the same: past 256 uncommitted saves a save commits itself on its own
/// thread (<see cref="LuceneIndexGeneration"/>), once a background commit under way has finished.</summary>
/// <remarks>A thread's nice value passes to every thread it creates, and it cannot be raised again without privilege.
/// .NET's thread pool creates a worker on the thread that queues work when none is idle, so a lowered thread must
/// never queue work to the pool — complete a task, release an async waiter, start a timer callback — or packages may
/// later run on a pool worker at the upkeep's nice value. Only threads that do nothing else are lowered:
/// <see cref="UpkeepThread"/> and Lucene's merge threads (<see cref="UpkeepMergeScheduler"/>).</remarks>
internal static partial class UpkeepPriority
{
    /// <summary>The nice value upkeep threads take (0 is normal; 19 the lowest).</summary>
    /// <remarks>19, not 10: the scheduler weighs a nice-10 thread at about a tenth of a package's and a nice-19 one at
    /// a seventieth, so a package's threads (its parallel roles, hashes and copies, its wake-ups) wait less behind the
    /// feed and the merges, which on two cores ran beside every non-OCR package (in a perf profile four fifths of the
    /// CPU of the package's own work). Non-OCR median / p95, ten runs a side alternated, 2,000 packages pooled:
    /// 12.3 / 20.1 → 11.7 / 18.4 ms (one run's p95 16.6–22.0 → 14.7–20.9; docs/BENCHMARKS.md, #20, session
    /// 26).</remarks>
    public const int Nice = 19;

    private const int PriorityOfProcess = 0; // PRIO_PROCESS: on Linux a thread id names one thread

    /// <summary>Lowers the calling thread (best effort: elsewhere than Linux, or refused, it stays as it is). A thread
    /// already at <see cref="Nice"/> or lower keeps its priority: a privileged process could otherwise raise it.</summary>
    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var thread = GetThreadId();
        // getpriority returns the nice value, so -1 is also its error: then the thread is lowered all the same.
        if (GetPriority(PriorityOfProcess, thread) < Nice)
        {
            _ = SetPriority(PriorityOfProcess, thread, Nice);
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "getpriority")]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
