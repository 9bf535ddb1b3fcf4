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
    private readonly TimeProvider _time;
    // When the arenas were last looked at: mallinfo2 walks every free chunk of every arena, some 0.3 ms after each
    // package on a warm heap without OCR (perf of 300 packages, docs/BENCHMARKS.md #20, session 20), where a package
    // ends every ~12 ms; with OCR a lane's package ends about once a second and is looked after as before. A gate on the
    // resident set's growth, tried first, cannot see what one lane frees after the other's look (freed pages stay
    // resident); its one clean-clone run peaked at 705 MiB after 500 packages, this one's at 673. Lanes finish side by
    // side: the compare-and-swap lets one of them look.
    private long _lastLook;

    public NativeHeap(IOptions<NativeHeapOptions> options, TimeProvider time, ILogger<NativeHeap> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _glibc = OperatingSystem.IsLinux() && GlibcVersion() is not null;
        _lastLook = time.GetTimestamp() - time.TimestampFrequency * 3600;
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
    /// arena), looked at no more often than <see cref="NativeHeapOptions.TrimCheckIntervalMs"/>. A few milliseconds on a
    /// worker's heap after OCR (see the memory benchmark).</summary>
    /// <returns>Whether the heap was trimmed.</returns>
    public bool AfterPackage()
    {
        if (!_glibc || !_options.TrimAfterPackage)
        {
            return false;
        }

        var started = _time.GetTimestamp();
        var last = Volatile.Read(ref _lastLook);
        if (_time.GetElapsedTime(last, started).TotalMilliseconds < _options.TrimCheckIntervalMs
            || Interlocked.CompareExchange(ref _lastLook, started, last) != last)
        {
            return false;
        }

        var threshold = _options.TrimAboveFreeBytes;
        var free = threshold > 0 ? (long)Glibc.MallInfo2().FreeBytes : long.MaxValue;
        if (free < threshold)
        {
            return false;
        }

        var released = Glibc.MallocTrim(0) == 1;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Native heap trimmed after a package in {ElapsedMs} ms ({FreeBytes} bytes free; memory released: {Released})",
                _time.GetElapsedTime(started).TotalMilliseconds, free, released);
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
