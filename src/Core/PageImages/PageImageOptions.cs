using System.ComponentModel.DataAnnotations;
using CaseIngest.Documents.Pages;

namespace CaseIngest.Core.PageImages;

/// <summary>How pages are rendered at ingest (<c>PageImages:*</c>). The images live under the package store's path.</summary>
public sealed class PageImageOptions
{
    public const string SectionName = "PageImages";

    /// <summary>Render pages at ingest. Off: the web pages show the seal boxes alone for pages that are no JPEG/PNG.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Resolution of rendered PDF pages (a TIFF's frames keep their own): 110 dpi makes an A4 page about 1280 px wide, enough to read a seal's
    /// text and a handwritten date when zoomed, at a few hundred KB a page.</summary>
    [Range(50, 300)]
    public int Dpi { get; set; } = 110;

    /// <summary>Pages rendered per file at most (a merged PDF of a whole package has a few dozen).</summary>
    [Range(1, 1000)]
    public int MaxPages { get; set; } = 60;

    /// <summary>How long one file's rendering may take.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>A TIFF frame with more pixels than this is not decoded (a decompression bomb is a small file).</summary>
    [Range(1_000_000, 400_000_000)]
    public long MaxPagePixels { get; set; } = PageRasterSettings.DefaultMaxPagePixels;

    /// <summary>The pdftoppm executable (poppler-utils); OcrStamps' key has the same name
    /// (<c>Plugins:OcrStamps:Pdftoppm</c>).</summary>
    [Required]
    public string Pdftoppm { get; set; } = "pdftoppm";
}
