namespace CaseIngest.Documents.Pages;

/// <summary>How the rasteriser runs: the pdftoppm executable (poppler-utils), how long one call may take, and the most
/// pixels a decoded page may have. Each user binds these from its own options section under the same key names
/// (<c>Pdftoppm</c>, <c>MaxPagePixels</c>): <c>PageImages:*</c> for the host, <c>Plugins:OcrStamps:*</c> for the plugin.</summary>
public sealed record PageRasterSettings(string Pdftoppm, TimeSpan Timeout, long MaxPagePixels)
{
    /// <summary>What a PDF's pages are written as. PNG (lossless) for the readers: OCR and the scanned-form reader.
    /// JPEG for pages people look at: a scanned A4 page at 110 dpi took pdftoppm 2.0 s of CPU as PNG and 0.07 s as JPEG
    /// on the bench machine (docs/BENCHMARKS.md, session 11) — as PNG, more than the OCR of the whole package.</summary>
    public RenderedPageFormat PdfPageFormat { get; init; } = RenderedPageFormat.Png;

    /// <summary>About 100 megapixels: an A0 scan at 300 dpi; a larger frame is more likely a decompression bomb than a page.</summary>
    public const long DefaultMaxPagePixels = 100_000_000;

    public static PageRasterSettings Default { get; } = new("pdftoppm", TimeSpan.FromSeconds(60), DefaultMaxPagePixels);
}
