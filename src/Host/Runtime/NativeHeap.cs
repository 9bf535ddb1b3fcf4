using System.Runtime.InteropServices;

namespace CaseIngest.Host.Runtime;

/// <summary>
/// glibc's allocator set for a long-running process that allocates page images and OCR tensors of many sizes (megabytes
/// each, freed within a page) from many threads. By default glibc gives each thread that allocates an arena of its own
/// (up to eight per core) and raises its mmap threshold after each large free, so freed image buffers stay in the
/// arenas instead of going back to the system: a worker measured 1,044 MiB peak after a few dozen packages, against
/// 422 MiB with one arena per core, large blocks always mapped (and unmapped on free) and free heap returned from 4 MiB
/// (docs/BENCHMARKS.md). Set once, first thing in the process, before the threads that allocate exist.
/// </summary>
internal static partial class NativeHeap
{
    // mallopt parameters (malloc.h).
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;
    private const int ArenaMax = -8;

    private const int LargeBlockBytes = 1 << 20;
    private const int TrimBytes = 4 << 20;

    /// <summary>Applies the settings unless the operator set glibc's own (<c>GLIBC_TUNABLES</c>), or this is not glibc.</summary>
    public static void LimitRetention()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null)
        {
            return;
        }

        try
        {
            _ = Mallopt(ArenaMax, Math.Max(1, Environment.ProcessorCount));
            _ = Mallopt(MmapThreshold, LargeBlockBytes);
            _ = Mallopt(TrimThreshold, TrimBytes);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator keeps its own ways.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
