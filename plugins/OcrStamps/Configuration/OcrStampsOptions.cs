using System.ComponentModel.DataAnnotations;
using CaseIngest.Ocr.Engines;

namespace CaseIngest.Plugins.OcrStamps.Configuration;

/// <summary>How much of a signature page the engine reads.</summary>
public enum OcrReading
{
    /// <summary>The lines the checks need: the page's lines are found at low resolution, then the short ones (labels,
    /// dates) and those beside a seal are read whole at full resolution, the long ones only as far as a label reaches.</summary>
    Targeted,

    /// <summary>Every line of the page, whole (the page text in the record is complete).</summary>
    FullPage,
}

/// <summary>Settings of the OcrStamps plugin, bound from <c>Plugins:OcrStamps</c>: the engine's (<see cref="OcrEngineOptions"/>)
/// and the signature pages'.</summary>
public sealed class OcrStampsOptions : OcrEngineOptions
{
    public const string SectionName = "Plugins:OcrStamps";

    /// <summary>Tesseract reads <c>chi_sim</c> alone here (configuration may still set <c>Languages</c>): a signature
    /// page's seals, units and labels are Chinese and chi_sim reads the dates' digits; without <c>eng</c> the plugin
    /// reads whole pages faster than the bare engine and gets more dates (docs/BENCHMARKS.md, 2026-12-04). FormFields,
    /// whose forms mix in Latin text, keeps the engines' <c>chi_sim+eng</c>.</summary>
    public OcrStampsOptions() => Languages = "chi_sim";

    /// <summary>Whether a worker creates the engines and reads a blank strip before it takes its first package
    /// (<see cref="OcrStampsWarmUp"/>); <c>ingest</c> and the other one-shot commands create them on first use either way.</summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>Targeted (the default) or the full page.</summary>
    public OcrReading Reading { get; set; } = OcrReading.Targeted;

    /// <summary>Targeted reading: the longer side, in pixels, of the page as the lines are looked for (the lines are
    /// read at full resolution); null = the engine's own (<see cref="Analysis.PageReading.DefaultLayoutMaxSide"/>:
    /// PP-OCR 800, Tesseract 960). 800 is about 68 dpi on A4: a 4 mm line is still 11 pixels high.</summary>
    [Range(320, 4096)]
    public int? LayoutMaxSide { get; set; }

    /// <summary>A page whose mean OCR confidence is below this gets low_ocr_confidence.</summary>
    [Range(0.0, 1.0)]
    public double LowConfidenceThreshold { get; set; } = 0.6;

    /// <summary>A red round shape counts as a seal from this detection confidence.</summary>
    [Range(0.0, 1.0)]
    public double SealMinConfidence { get; set; } = 0.5;

    /// <summary>A seal's organisation read with at most this similarity to its block's unit (and confidently) is a
    /// mismatch.</summary>
    [Range(0.0, 1.0)]
    public double OrganizationMismatchBelow { get; set; } = 0.3;

    /// <summary>First day a seal may be dated: the notice's issue date.</summary>
    public DateOnly WindowStart { get; set; } = new(2026, 3, 12);

    /// <summary>Last day a seal may be dated: the call's closing date.</summary>
    public DateOnly WindowEnd { get; set; } = new(2026, 7, 31);

    /// <summary>Pages above this many pixels are refused (decoding them could exhaust memory).</summary>
    [Range(1_000_000, 400_000_000)]
    public long MaxPagePixels { get; set; } = 100_000_000;

    /// <summary>Pages whose longer side exceeds this are downscaled to it before OCR (A4 at 300 dpi is 3508).</summary>
    [Range(1000, 10000)]
    public int WorkingMaxSide { get; set; } = 3600;

    /// <summary>Resolution at which PDF pages without a single page image are rasterised (TIFF frames keep their own).</summary>
    [Range(72, 600)]
    public int RasterDpi { get; set; } = 200;

    /// <summary>How long rasterising one page may take.</summary>
    [Range(1, 600)]
    public int RasterTimeoutSeconds { get; set; } = 60;

    /// <summary>The poppler rasteriser (the host's key has the same name, <c>PageImages:Pdftoppm</c>); pages that need it
    /// are reported when it is missing.</summary>
    [Required]
    public string Pdftoppm { get; set; } = "pdftoppm";
}
