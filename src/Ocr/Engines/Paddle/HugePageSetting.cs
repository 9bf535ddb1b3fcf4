namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// Whether glibc's malloc puts this process's large blocks (ONNX Runtime's arena extensions, OpenCV's page images) on
/// transparent huge pages, from the kernel's mode and the <c>GLIBC_TUNABLES</c> the process started with.
/// </summary>
/// <remarks>
/// In the kernel's <c>madvise</c> mode (Debian's default) only memory that asks gets huge pages, and glibc asks for its
/// mmap'd blocks when started with <c>glibc.malloc.hugetlb=1</c>; in <c>always</c> mode they get them anyway. A block
/// then faults in 2 MiB at a time instead of 4 KiB, which is what makes handing ONNX Runtime's arena back after each
/// run cheap (<see cref="ArenaRetention"/>).
/// </remarks>
/// <param name="KernelMode">The selected word of <c>/sys/kernel/mm/transparent_hugepage/enabled</c>
/// (<c>always</c>, <c>madvise</c>, <c>never</c>), or null where there is none.</param>
/// <param name="GlibcTunables">The <c>GLIBC_TUNABLES</c> environment variable, or null.</param>
internal sealed record HugePageSetting(string? KernelMode, string? GlibcTunables)
{
    private const string KernelModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>What glibc does with this process's large blocks.</summary>
    public bool LargeBlocksOnHugePages => KernelMode switch
    {
        "always" => true,
        "madvise" => MallocAsksForHugePages,
        _ => false,
    };

    /// <summary>Whether the kernel would give huge pages to malloc if it asked, and it does not.</summary>
    public bool MallocCouldAsk => KernelMode == "madvise" && !MallocAsksForHugePages;

    // GLIBC_TUNABLES is a colon-separated list of name=value; the dynamic loader reads it once, at start.
    private bool MallocAsksForHugePages => (GlibcTunables ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Any(tunable => tunable == "glibc.malloc.hugetlb=1");

    /// <summary>This process's setting: the kernel's mode now and the environment it started with.</summary>
    public static HugePageSetting OfThisProcess() =>
        new(ReadKernelMode(), Environment.GetEnvironmentVariable("GLIBC_TUNABLES"));

    /// <summary>The bracketed word of the kernel's mode line ("always [madvise] never" → "madvise").</summary>
    internal static string? SelectedMode(string line)
    {
        var open = line.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf(']', open);
        return close < 0 ? null : line[(open + 1)..close];
    }

    private static string? ReadKernelMode()
    {
        try
        {
            return File.Exists(KernelModeFile) ? SelectedMode(File.ReadAllText(KernelModeFile)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
