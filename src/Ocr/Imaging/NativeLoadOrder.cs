using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CaseIngest.Ocr.Imaging;

/// <summary>
/// Keeps the two libpng builds in this process apart. OpenCvSharp's native library carries its own libpng (1.6.55) and
/// exports its symbols; Debian's libpng16, which leptonica (under Tesseract) uses, is pulled in as one of OpenCV's
/// dependencies. Loaded that way, the system libpng's internal calls bind lazily to OpenCV's copy, and the first PNG
/// Tesseract writes through leptonica mixes the two (measured here: "Invalid IHDR data", then a double free that kills
/// the process). Loading the system libpng first with immediate binding resolves all its calls to itself.
/// It must run before the first OpenCV call of the process: this library's module initializer does it, so whatever
/// touches the library first (a plugin's registration does) orders libpng before OpenCV is loaded.
/// </summary>
public static partial class NativeLoadOrder
{
    private const int ImmediateBinding = 2; // RTLD_NOW, local: nothing else's symbol lookup changes

    private static readonly Lazy<bool> s_loaded = new(() =>
    {
        // Process-wide by nature: a library is loaded once per process. Absent libpng (no Tesseract installed) is fine.
        return OperatingSystem.IsLinux() && DynamicOpen("libpng16.so.16", ImmediateBinding) != IntPtr.Zero;
    });

    /// <summary>Whether the system libpng is loaded (false where there is none); idempotent.</summary>
    public static bool EnsureSystemLibPngFirst() => s_loaded.Value;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The process's first native load must be decided before any OpenCV call, whoever makes it; this library is where OpenCV is used.")]
    internal static void LoadSystemLibPngFirst() => EnsureSystemLibPngFirst();

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr DynamicOpen(string file, int mode);
}
