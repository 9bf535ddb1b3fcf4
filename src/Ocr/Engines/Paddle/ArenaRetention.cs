using System.Globalization;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// Whether a PP-OCR run hands ONNX Runtime's arena back at its end: only when the process already holds at least the
/// budget in resident memory. Under it, the next run finds its tensors' blocks where the last one left them.
/// </summary>
/// <remarks>
/// Handing the blocks back after every run kept a worker's peak lowest, but each run then faulted its tensors in anew:
/// <c>ingest</c> of 60 packages took 77.6 / 73.8 CPU s (20.0 / 19.1 of them in the kernel, 2.9 million page faults)
/// against 52.2 / 52.4 (8.2 / 8.3, 1.2 million) with the blocks kept, at a peak of 480–496 against 545–601 MiB
/// (docs/BENCHMARKS.md, #20, session 22). With the budget, the arena is kept while there is room and shrunk only above
/// it. The budget is looked at before a run, and a run's tensors come on top of it; a worker's resident memory also
/// creeps as it goes (VmRSS 370–420 MiB after 100 packages, 530–540 near 1,000 with budgets of 400 and 450). Workers
/// through 1,000 packages: budget 500 — 1.19 CPU s a message, peak 699 MiB (reached by the 500th); 450 — 1.37, 659
/// (627 and 655 after 500 in two runs); 400 — 1.38, 658. 450 is the default: within the 700 MiB target over a long
/// run, and while the process is young (ingest, a worker's first hundreds of packages) the arena is kept.
/// <para>With large blocks on transparent huge pages (<see cref="HugePageSetting"/>) a run faults its tensors in 2 MiB at
/// a time and handing the arena back costs little, so every run does (budget 0). Workers through 1,000 packages with
/// <c>glibc.malloc.hugetlb=1</c> (docs/BENCHMARKS.md, #20, session 23): budget 450 — 0.90 CPU s a message, peak 703 MiB;
/// budget 0 — 0.90, 654 MiB; session 22's, without the tunable, at 450: 1.37, 659 MiB.</para>
/// </remarks>
internal sealed class ArenaRetention
{
    private readonly long _budgetBytes;
    private readonly Func<long> _residentBytes;

    /// <param name="budgetMiB">Resident memory from which runs hand the arena back; 0 = every run does.</param>
    /// <param name="residentBytes">The process's resident memory now; null = read from <c>/proc/self/statm</c>.</param>
    public ArenaRetention(int budgetMiB, Func<long>? residentBytes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetMiB);
        _budgetBytes = budgetMiB * 1024L * 1024L;
        _residentBytes = residentBytes ?? ResidentBytes;
    }

    /// <summary>The budget when none is configured: 0 (every run hands the arena back) where large blocks are on huge
    /// pages, 450 MiB where each 4 KiB page faults on its own.</summary>
    public static int DefaultBudgetMiB(HugePageSetting hugePages) => hugePages.LargeBlocksOnHugePages ? 0 : 450;

    /// <summary>Whether the run about to start should hand the arena's unused blocks back when it ends.</summary>
    public bool HandBackAfterRun() => _budgetBytes == 0 || _residentBytes() >= _budgetBytes;

    /// <summary>The resident set (the second field of <c>/proc/self/statm</c>, in pages); where there is no such file,
    /// the runtime's own figure.</summary>
    private static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ', 3);
            return long.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return Environment.WorkingSet;
        }
    }
}
