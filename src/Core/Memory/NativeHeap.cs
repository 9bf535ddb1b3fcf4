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

    public NativeHeap(IOptions<NativeHeapOptions> options, ILogger<NativeHeap> logger)
    {
        _options = options.Value;
        _logger = logger;
        _glibc = OperatingSystem.IsLinux() && GlibcVersion() is not null;
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

    /// <summary>After a package: freed native pages go back to the system. A few milliseconds on a worker's heap
    /// (see the memory benchmark), paid once per package.</summary>
    public void AfterPackage()
    {
        if (!_glibc || !_options.TrimAfterPackage)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var released = Glibc.MallocTrim(0) == 1;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Native heap trimmed after a package in {ElapsedMs} ms (memory released: {Released})",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, released);
        }
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
    }
}
