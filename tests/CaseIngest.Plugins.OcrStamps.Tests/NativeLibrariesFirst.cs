using System.Runtime.CompilerServices;
using CaseIngest.Plugins.OcrStamps.Imaging;

namespace CaseIngest.Plugins.OcrStamps.Tests;

/// <summary>The system libpng loaded before any test touches OpenCV. Test classes without the OCR fixture (line
/// selection, image loading) run in parallel with the fixture's collection and could load OpenCV first; Tesseract then
/// crashed the whole test process ("Invalid IHDR data", a double free — see <see cref="NativeLoadOrder"/>). A module
/// initializer runs before any test of this assembly, whatever the order.</summary>
internal static class NativeLibrariesFirst
{
#pragma warning disable CA2255 // A test assembly is the one place where the process's first native load must be decided up front.
    [ModuleInitializer]
    internal static void LoadSystemLibPng() => NativeLoadOrder.EnsureSystemLibPngFirst();
#pragma warning restore CA2255
}
