using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Memory;

/// <summary>The process's native heap: what the .NET garbage collector does not see (OpenCV images, ONNX Runtime
/// tensors, Tesseract). Measured in <c>docs/BENCHMARKS.md</c> (memory): a worker's peak resident memory is mostly freed
/// native blocks that glibc keeps, not live data.</summary>
public sealed class NativeHeap
{
    private readonly NativeHeapOptions _options;
    private readonly ILogger<NativeHeap> _logger;
    private readonly bool _glibc;
    private int _configured;
    // The resident set when the arenas were last looked at (or trimmed): mallinfo2 walks every free chunk of every
    // arena, some 0.3 ms after each package on a warm heap without OCR (perf of 300 packages, docs/BENCHMARKS.md #20,
    // session 20), so it is asked only once the process has grown by the threshold since then. Lanes finish packages
    // side by side: a stale value costs one look more or one trim later, nothing else.
    private long _residentAtLastLook;

    public NativeHeap(IOptions<NativeHeapOptions> options, ILogger<NativeHeap> logger)
    {
        _options = options.Value;
        _logger = logger;
        _glibc = OperatingSystem.IsLinux() && GlibcVersion() is not null;
        _residentAtLastLook = _glibc ? ProcessMemory.ResidentBytes() : 0;
    }

    /// <summary>Applies the start-time settings once per process (later calls do nothing). Called by the one startup
    /// before the first package, so that the threads that run the plugins share the arenas it allows.</summary>
    public void Configure()
    {
        if (!_glibc || Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        if (_options.ArenaMax != 0 && Glibc.Mallopt(Glibc.ArenaMaxParameter, _options.ArenaMax) != 1)
        {
            _logger.LogWarning("glibc refused NativeHeap:ArenaMax={ArenaMax}; its default stays", _options.ArenaMax);
        }

        if (_options.MmapThreshold != 0 && Glibc.Mallopt(Glibc.MmapThresholdParameter, _options.MmapThreshold) != 1)
        {
            _logger.LogWarning("glibc refused NativeHeap:MmapThreshold={MmapThreshold}; its sliding threshold stays", _options.MmapThreshold);
        }
    }

    /// <summary>After a package: freed native pages go back to the system when the arenas hold at least
    /// <see cref="NativeHeapOptions.TrimAboveFreeBytes"/> of them (glibc's <c>mallinfo2</c> counts them over every
    /// arena) — looked at only when the resident set has grown by as much since the last look, as pages freed since then
    /// can only be resident if it has. A few milliseconds on a worker's heap after OCR (see the memory benchmark).</summary>
    /// <returns>Whether the heap was trimmed.</returns>
    public bool AfterPackage()
    {
        if (!_glibc || !_options.TrimAfterPackage)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var threshold = _options.TrimAboveFreeBytes;
        var resident = ProcessMemory.ResidentBytes();
        if (threshold > 0 && resident > 0 && resident - Volatile.Read(ref _residentAtLastLook) < threshold)
        {
            return false;
        }

        var free = threshold > 0 ? (long)Glibc.MallInfo2().FreeBytes : long.MaxValue;
        if (free < threshold)
        {
            Volatile.Write(ref _residentAtLastLook, resident);
            return false;
        }

        var released = Glibc.MallocTrim(0) == 1;
        Volatile.Write(ref _residentAtLastLook, ProcessMemory.ResidentBytes());
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Native heap trimmed after a package in {ElapsedMs} ms ({FreeBytes} bytes free; memory released: {Released})",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, free, released);
        }

        return true;
    }

    private static string? GlibcVersion()
    {
        try
        {
            return Marshal.PtrToStringUTF8(Glibc.GnuGetLibcVersion());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries: nothing to tune here.
            return null;
        }
    }

    /// <remarks>DllImport, not LibraryImport: the signatures are blittable and the source generator would need unsafe
    /// code in the core for nothing.</remarks>
    private static class Glibc
    {
        /// <summary><c>M_ARENA_MAX</c> of malloc.h.</summary>
        public const int ArenaMaxParameter = -8;

        /// <summary><c>M_MMAP_THRESHOLD</c> of malloc.h.</summary>
        public const int MmapThresholdParameter = -3;

        [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
        public static extern int Mallopt(int parameter, int value);

        [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
        public static extern int MallocTrim(nuint pad);

        [DllImport("libc", EntryPoint = "gnu_get_libc_version", ExactSpelling = true)]
        public static extern IntPtr GnuGetLibcVersion();

        /// <summary>glibc 2.33 and later (Debian 12 has 2.36).</summary>
        [DllImport("libc", EntryPoint = "mallinfo2", ExactSpelling = true)]
        public static extern MallInfo MallInfo2();
    }

    /// <summary><c>struct mallinfo2</c> of malloc.h: ten <c>size_t</c> counters over every arena.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo
    {
        private readonly nuint _arena;
        private readonly nuint _ordblks;
        private readonly nuint _smblks;
        private readonly nuint _hblks;
        private readonly nuint _hblkhd;
        private readonly nuint _usmblks;
        private readonly nuint _fsmblks;
        private readonly nuint _uordblks;
        private readonly nuint _fordblks;
        private readonly nuint _keepcost;

        /// <summary>Free bytes in the arenas (<c>fordblks</c>): what a trim could hand back, at most.</summary>
        public nuint FreeBytes => _fordblks;
    }
}
