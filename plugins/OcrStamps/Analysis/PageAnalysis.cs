using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Seals;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>A seal on a page, the block it lies in (null when outside both) and the organisation read on its arc.</summary>
internal sealed record SealReading(DetectedSeal Seal, SignatureBlock? Block, string? Organization, double OrganizationConfidence);

/// <summary>What one signature page says: its text, the seals, and the date written in each block.</summary>
internal sealed record PageAnalysis(
    IReadOnlyList<OcrLine> Lines,
    string Text,
    double MeanConfidence,
    IReadOnlyList<SealReading> Seals,
    IReadOnlyDictionary<SignatureBlock, DateOnly> Dates,
    IReadOnlySet<SignatureBlock> BlocksFound,
    double SkewDegrees,
    PageTimings Timings);

/// <summary>Where a page's time went, in milliseconds: preparing the image with finding its seals, page OCR, seal arcs.</summary>
internal sealed record PageTimings(double Prepare, double Ocr, double Arcs);
