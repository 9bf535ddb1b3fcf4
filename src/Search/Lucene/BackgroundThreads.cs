using System.Runtime.InteropServices;

namespace CaseIngest.Search.Lucene;

/// <summary>Index upkeep — inverting the saved cases' text at a commit, writing segments, merging them — runs on
/// threads of its own at a lower scheduling priority (Linux nice 10): on a machine whose cores the packages keep busy it
/// yields to them and to the runtime's compiler, and takes the cores whenever they would idle. Without it, the commit of
/// the previous packages competes with the next package for the same core, and the slowest packages pay.</summary>
internal static partial class BackgroundThreads
{
    /// <summary>The nice value upkeep threads take (0 is normal; 19 the lowest). Lowering a thread's priority needs no
    /// privilege; it cannot be raised again, so only threads that do nothing else are lowered.</summary>
    public const int UpkeepNice = 10;

    private const int PriorityOfProcess = 0; // PRIO_PROCESS: on Linux a thread id names one thread

    /// <summary>Lowers the calling thread's priority (best effort: elsewhere than Linux, or refused, it stays as it is).</summary>
    public static void LowerCurrentThreadPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _ = SetPriority(PriorityOfProcess, GetThreadId(), UpkeepNice);
    }

    /// <summary>Runs <paramref name="work"/> on a new upkeep thread of lowered priority; the task ends when it does.
    /// What <paramref name="work"/> does not handle ends the process, as on any thread of its own.</summary>
    public static Task Run(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                LowerCurrentThreadPriority();
                work();
            }
            finally
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = name,
        }.Start();
        return done.Task;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
