using CaseIngest.Ocr.Engines;

namespace CaseIngest.Plugins.FormFields;

/// <summary>Settings of the form plugin, bound from <c>Plugins:FormFields</c>.</summary>
public sealed class FormFieldsOptions
{
    public const string SectionName = "Plugins:FormFields";

    /// <summary>Read a form sent as a text PDF (exported from Word/WPS). Off: such a form is reported as unsupported.</summary>
    public bool ReadPdf { get; set; } = true;

    /// <summary>Files above this size are not opened (a form is tens of kilobytes; this guards against bombs).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A .docx whose parts expand beyond this is refused before it is parsed (zip bombs).</summary>
    public long MaxExpandedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many of the form's blocks (案例名称, 案例类型, 指标, 联系人, 创造人, 意见…) a document must show to be taken
    /// for the form. Four keeps a report that quotes 案例名称 from being read as a form.</summary>
    public int MinimumBlocks { get; set; } = 4;

    /// <summary>When no document of the package is the form, look for it on the scans (the signature pages, a PDF's
    /// scanned pages) and read it by OCR. Off: a form sent only as a scan is reported as missing.</summary>
    public bool ReadScans { get; set; } = true;

    /// <summary>The engine that reads scanned forms (<c>Plugins:FormFields:Ocr:*</c>, the keys of OcrStamps' engine
    /// settings). One lane: a form arrives as a scan rarely, and the signature pages' OCR has the cores.</summary>
    public OcrEngineOptions Ocr { get; set; } = new() { PoolSize = 1 };

    /// <summary>A field read from a scan below this confidence gets low_ocr_confidence (a person should read it).</summary>
    public double LowConfidenceThreshold { get; set; } = 0.8;

    /// <summary>A page image is taken for a page of the form when its ruled table has at least this many cells (the form
    /// has about 80; a signature page's frames make a handful).</summary>
    public int MinimumTableCells { get; set; } = 20;

    /// <summary>Resolution at which the pages of a scanned PDF are rasterised for OCR.</summary>
    public int ScanDpi { get; set; } = 200;

    /// <summary>At most this many pages of a scan are looked at for the form (it has one to three).</summary>
    public int MaxScanPages { get; set; } = 10;

    /// <summary>The poppler rasteriser of PDF pages.</summary>
    public string Pdftoppm { get; set; } = "pdftoppm";

    /// <summary>Page images above this many pixels are not decoded (they could exhaust memory).</summary>
    public long MaxPagePixels { get; set; } = 100_000_000;

    /// <summary>Null when valid, else why not.</summary>
    public string? Validate() =>
        MaxFileBytes <= 0 || MaxExpandedBytes <= 0 ? "Plugins:FormFields:MaxFileBytes and MaxExpandedBytes must be positive"
        : MinimumBlocks is < 2 or > 10 ? "Plugins:FormFields:MinimumBlocks must be between 2 and 10"
        : LowConfidenceThreshold is < 0 or > 1 ? "Plugins:FormFields:LowConfidenceThreshold must be between 0 and 1"
        : MinimumTableCells < 4 || ScanDpi is < 72 or > 600 || MaxScanPages < 1 || MaxPagePixels < 1_000_000
            ? "Plugins:FormFields: MinimumTableCells ≥ 4, ScanDpi 72–600, MaxScanPages ≥ 1, MaxPagePixels ≥ 1000000"
        : Ocr.PoolSize is < 0 or > 64 || Ocr.IntraOpThreads is < 0 or > 64 || Ocr.DetectionMaxSide is < 320 or > 4096
            ? "Plugins:FormFields:Ocr: PoolSize and IntraOpThreads 0–64, DetectionMaxSide 320–4096"
        : null;
}
