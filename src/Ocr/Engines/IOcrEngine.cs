using OpenCvSharp;

namespace CaseIngest.Ocr.Engines;

/// <summary>One line of OCR'd text with its box in the image's pixels and a confidence in 0–1.</summary>
public sealed record OcrLine(string Text, Rect Box, double Confidence);

/// <summary>
/// One OCR engine instance. Not thread-safe: an instance reads one image at a time; <see cref="OcrEnginePool"/> hands
/// instances out. Images are 8-bit single-channel (the seal ink already suppressed).
/// </summary>
public interface IOcrEngine : IDisposable
{
    /// <summary>Finds and reads every text line of a page.</summary>
    IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken);

    /// <summary>Finds a page's text lines without reading them, looking at the page scaled down to at most
    /// <paramref name="maxSide"/> pixels a side; the regions are in <paramref name="grey"/>'s own pixels.</summary>
    IReadOnlyList<TextRegion> FindLines(Mat grey, int maxSide, CancellationToken cancellationToken);

    /// <summary>Reads each region of <paramref name="grey"/> (at its full resolution) as one line of text; regions
    /// in which nothing is read are left out.</summary>
    IReadOnlyList<OcrLine> ReadRegions(Mat grey, IReadOnlyList<TextRegion> regions, CancellationToken cancellationToken);

    /// <summary>Reads an image that holds a single line of text (e.g. a seal's unwrapped arc).</summary>
    OcrLine ReadLine(Mat grey, CancellationToken cancellationToken);
}
