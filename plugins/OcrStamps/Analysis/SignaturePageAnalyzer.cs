using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Plugins.OcrStamps.Dates;
using CaseIngest.Ocr.Engines;
using CaseIngest.Ocr.Imaging;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Seals;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>How a page is read: targeted (the lines the checks need, found at <see cref="LayoutMaxSide"/>) or whole.</summary>
internal sealed record PageReading(OcrReading Mode, int LayoutMaxSide)
{
    /// <summary>The plugin's defaults (<see cref="OcrStampsOptions"/>) with its default engine, PP-OCR.</summary>
    public static PageReading Default { get; } = Of(new OcrStampsOptions());

    /// <summary>The reading the options ask for, <see cref="OcrStampsOptions.LayoutMaxSide"/> resolved for their
    /// engine when unset.</summary>
    public static PageReading Of(OcrStampsOptions options) =>
        new(options.Reading, options.LayoutMaxSide ?? DefaultLayoutMaxSide(options.Engine));

    /// <summary>
    /// The side lines are looked for at when <see cref="OcrStampsOptions.LayoutMaxSide"/> is unset. PP-OCR's DBNet finds
    /// every line the checks need at 800 (every seal and date of both corpora kept) and its cost grows with the square
    /// of the side; Tesseract's layout analysis at 800, 864 and 896 loses seals and dates, so it keeps 960
    /// (docs/BENCHMARKS.md, 2026-12-04).
    /// </summary>
    public static int DefaultLayoutMaxSide(OcrEngineKind engine) => engine == OcrEngineKind.Tesseract ? 960 : 800;
}

/// <summary>
/// Reads one signature page: straightens it, finds the red seals, OCRs it with the seal ink suppressed (by default only
/// the lines the checks need, see <see cref="LineSelection"/>), places each seal and date in the 申报单位 or 推荐单位
/// block by the OCR'd labels, and reads each seal's organisation on its arc.
/// </summary>
internal sealed class SignaturePageAnalyzer(SealDetector sealDetector)
{
    /// <summary>Reads the page the default way (<see cref="PageReading.Default"/>: targeted).</summary>
    public Task<PageAnalysis> AnalyseAsync(Mat page, OcrEnginePool engines, CancellationToken cancellationToken) =>
        AnalyseAsync(page, engines, PageReading.Default, cancellationToken);

    public async Task<PageAnalysis> AnalyseAsync(Mat page, OcrEnginePool engines, PageReading reading, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var prepared = Prepare(page);
        return await AnalyseAsync(prepared, engines, reading, clock, cancellationToken);
    }

    /// <summary>Straightens the page and finds its seals; the caller may release <paramref name="page"/> afterwards.</summary>
    public PreparedPage Prepare(Mat page) => PreparedPage.From(page, sealDetector);

    /// <param name="clock">Started when the page's preparation began (for <see cref="PageTimings.Prepare"/>).</param>
    public async Task<PageAnalysis> AnalyseAsync(PreparedPage prepared, OcrEnginePool engines, PageReading reading,
        System.Diagnostics.Stopwatch clock, CancellationToken cancellationToken)
    {
        var grey = prepared.Grey;
        var seals = prepared.Seals;
        // Seals are found while preparing: targeted reading reads whatever lies beside one.
        var detected = clock.Elapsed.TotalMilliseconds;
        var lines = await engines.UseAsync(engine => reading.Mode == OcrReading.FullPage
            ? engine.ReadPage(grey, cancellationToken)
            : engine.ReadRegions(grey, LineSelection.Choose(engine.FindLines(grey, reading.LayoutMaxSide, cancellationToken), seals), cancellationToken),
            cancellationToken);
        var read = clock.Elapsed.TotalMilliseconds;
        var layout = BlockLayout.From(lines, grey.Height);

        var readings = new List<SealReading>();
        var blocks = AssignBlocks(seals, layout);
        for (var i = 0; i < seals.Count; i++)
        {
            using var strip = prepared.UnwrapArc(i);
            var arc = await engines.UseAsync(engine => engine.ReadLine(strip, cancellationToken), cancellationToken);
            var organization = arc.Text.Length > 0 ? PageText.Clean(arc.Text) : null;
            readings.Add(new SealReading(seals[i], blocks[i], organization, arc.Confidence));
        }

        var characters = lines.Sum(l => l.Text.Length);
        var meanConfidence = characters == 0 ? 0 : lines.Sum(l => l.Confidence * l.Text.Length) / characters;
        var found = new HashSet<SignatureBlock>(Enum.GetValues<SignatureBlock>().Where(layout.Found));
        var dates = DatesByBlock(lines, layout);
        var timings = new PageTimings(detected, read - detected, clock.Elapsed.TotalMilliseconds - read);
        return new PageAnalysis(lines, PageText.Of(lines), meanConfidence, readings, dates, found, prepared.SkewDegrees, timings);
    }

    private static List<SignatureBlock?> AssignBlocks(IReadOnlyList<DetectedSeal> seals, BlockLayout layout)
    {
        if (layout.Found(SignatureBlock.Applicant) || layout.Found(SignatureBlock.Recommender))
        {
            return seals.Select(s => layout.BlockAt(s.Center.Y)).ToList();
        }

        // No label was read at all: on a two-seal page the applicant's block comes first, as the form prints it.
        return seals.Count == 2 ? [SignatureBlock.Applicant, SignatureBlock.Recommender] : seals.Select(_ => (SignatureBlock?)null).ToList();
    }

    private static Dictionary<SignatureBlock, DateOnly> DatesByBlock(IReadOnlyList<OcrLine> lines, BlockLayout layout)
    {
        var dates = new Dictionary<SignatureBlock, DateOnly>();
        var rows = PageText.Rows(lines);
        foreach (var block in Enum.GetValues<SignatureBlock>())
        {
            if (layout.Extent(block) is not var (top, bottom))
            {
                continue;
            }

            var label = layout.SealLabel(block);
            var candidates = rows
                .Select(row => (Row: row, Middle: row.Average(l => l.Box.Top + l.Box.Height / 2.0)))
                .Where(r => r.Middle >= top && r.Middle < bottom)
                .Select(r => (r.Middle, Date: StampDateParser.Parse(PageText.RowText(r.Row))))
                .Where(r => r.Date is not null)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            // The date written under the block's seal label; without the label, the block's last date.
            var best = label is null
                ? candidates[^1]
                : candidates.OrderBy(c => Math.Abs(c.Middle - (label.Box.Bottom + label.Box.Height))).First();
            dates[block] = best.Date!.Value;
        }

        return dates;
    }
}
