using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Engines;

/// <summary>One line of OCR'd text with its box in the image's pixels and a confidence in 0–1.</summary>
internal sealed record OcrLine(string Text, Rect Box, double Confidence);

/// <summary>
/// One OCR engine instance. Not thread-safe: an instance reads one image at a time; <see cref="OcrEnginePool"/> hands
/// instances out. Images are 8-bit single-channel (the seal ink already suppressed).
/// </summary>
internal interface IOcrEngine : IDisposable
{
    /// <summary>Finds and reads every text line of a page.</summary>
    IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken);

    /// <summary>Reads an image that holds a single line of text (e.g. a seal's unwrapped arc).</summary>
    OcrLine ReadLine(Mat grey, CancellationToken cancellationToken);
}
