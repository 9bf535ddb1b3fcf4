using System.Globalization;
using System.Runtime.InteropServices;

namespace CaseIngest.Ocr.Engines.Tesseract;

/// <summary>
/// Keeps Tesseract's OpenMP to one thread per engine. Its default (a team per call) makes a dense page 3–4× slower on
/// two cores, and the engines already run one per core. OMP_THREAD_LIMIT is read once when libgomp loads, and .NET's
/// Environment.SetEnvironmentVariable does not reach the native environment on Linux: so libc's setenv is called
/// before the first call into libtesseract (which loads libgomp). The launch scripts set the variable too, in case
/// something loaded libgomp earlier.
/// </summary>
internal static partial class TesseractThreading
{
    private static readonly Lock s_gate = new();

    public static void LimitThreads(int threads)
    {
        // Process-wide by nature: the native environment and libgomp's limits exist once per process.
        lock (s_gate)
        {
            if (GetEnvironment("OMP_THREAD_LIMIT") is null)
            {
                _ = SetEnvironment("OMP_THREAD_LIMIT", threads.ToString(CultureInfo.InvariantCulture), 0);
            }

            OmpSetNumThreads(threads);
        }
    }

    /// <summary>OpenMP's thread limit as libgomp sees it (what the environment gave it when it loaded).</summary>
    public static int EffectiveThreadLimit() => OmpGetThreadLimit();

    /// <summary>The native environment's value of a variable (not .NET's copy).</summary>
    public static string? NativeEnvironment(string name) => GetEnvironment(name);

    private static string? GetEnvironment(string name) => Marshal.PtrToStringUTF8(GetEnvironmentPointer(name));

    /// <summary>Applies the per-thread OpenMP team size on the calling thread (libgomp keeps it per thread).</summary>
    public static void ApplyToCurrentThread(int threads) => OmpSetNumThreads(threads);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    // getenv's result belongs to libc: read it as a pointer so the marshaller does not free it.
    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvironmentPointer(string name);

    [LibraryImport("libgomp.so.1", EntryPoint = "omp_set_num_threads")]
    private static partial void OmpSetNumThreads(int threads);

    [LibraryImport("libgomp.so.1", EntryPoint = "omp_get_thread_limit")]
    private static partial int OmpGetThreadLimit();
}
