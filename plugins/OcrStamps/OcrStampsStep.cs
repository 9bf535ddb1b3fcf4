using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Pages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.OcrStamps;

/// <summary>
/// Reads a package's scanned signature pages: the 申报单位 and 推荐单位 blocks' seals, the organisation on each seal
/// and the date beside it go into <c>record.stamps</c>, every page's text into <c>record.pages</c>, with the findings.
/// </summary>
internal sealed class OcrStampsStep(
    OcrEngineProvider engines, PageImageLoader loader, SignaturePageAnalyzer analyzer, IOptions<OcrStampsOptions> options) : ISubmissionStep
{
    public bool CanRun(SubmissionContext context) =>
        context.FilesOf(FileRole.StampPage).Any(f => PageImageLoader.IsSupported(f.Extension));

    public async Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stamps = Enum.GetValues<SignatureBlock>().ToDictionary(b => b, b => new BlockStamp(b, null, null, null, null));
        var pageNumber = 0;
        foreach (var file in context.FilesOf(FileRole.StampPage).Where(f => PageImageLoader.IsSupported(f.Extension)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var images = await loader.LoadAsync(file.Name, file.Path, cancellationToken, file.PagesOf(FileRole.StampPage));
            foreach (var image in images)
            {
                using (image)
                {
                    pageNumber++;
                    await ReadPageAsync(context, image, pageNumber, stamps, settings, cancellationToken);
                }
            }
        }

        context.Record.Stamps = new StampsSection
        {
            Applicant = ToRecord(stamps[SignatureBlock.Applicant]),
            Recommender = ToRecord(stamps[SignatureBlock.Recommender]),
        };
        StampFindings.Add(context, stamps[SignatureBlock.Applicant], context.Record.Form?.Applicant, settings);
        StampFindings.Add(context, stamps[SignatureBlock.Recommender], context.Record.Form?.Recommender, settings);
    }

    private async Task ReadPageAsync(SubmissionContext context, PageImage image, int pageNumber,
        Dictionary<SignatureBlock, BlockStamp> stamps, OcrStampsOptions settings, CancellationToken cancellationToken)
    {
        var location = new FindingLocation { File = image.File, Page = image.Page };
        if (image.Image is null)
        {
            context.Record.Pages.Add(new PageInfo { File = image.File, Page = image.Page, Confidence = 0 });
            context.AddFinding(FindingCodes.LowOcrConfidence, $"签章页 {image.File} 第 {image.Page} 页无法识别，请人工查看",
                image.Problem, location);
            return;
        }

        image.LimitSize(settings.WorkingMaxSide);
        if (image.DownscaledFrom is { } original)
        {
            context.AddFinding("page_downscaled", Severity.Info, $"签章页 {image.File} 第 {image.Page} 页图像过大，已缩小后识别",
                $"{original.Width}×{original.Height} → {image.Image.Width}×{image.Image.Height}", location);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var prepared = analyzer.Prepare(image.Image);
        // The scan as loaded is not read again: released here, the lane holds only the grey page while OCR runs.
        image.Dispose();
        var analysis = await analyzer.AnalyseAsync(prepared, engines.Pool, PageReading.Of(settings), clock, cancellationToken);
        context.Record.Pages.Add(new PageInfo
        {
            File = image.File,
            Page = image.Page,
            Text = analysis.Text,
            Confidence = Math.Round(analysis.MeanConfidence, 3),
            Width = prepared.Grey.Width,
            Height = prepared.Grey.Height,
            Seals = analysis.Seals.Select(s => new SealInfo
            {
                Block = s.Block?.RecordName(),
                Box = [s.Seal.Box.X, s.Seal.Box.Y, s.Seal.Box.Width, s.Seal.Box.Height],
                Confidence = s.Seal.Confidence,
                Organization = s.Organization,
            }).ToList(),
        });

        if (analysis.MeanConfidence < settings.LowConfidenceThreshold)
        {
            context.AddFinding(FindingCodes.LowOcrConfidence,
                $"签章页 {image.File} 第 {image.Page} 页识别置信度偏低，请人工查看",
                analysis.MeanConfidence.ToString("0.00", CultureInfo.InvariantCulture), location, analysis.MeanConfidence, settings.LowConfidenceThreshold);
        }

        foreach (var block in Enum.GetValues<SignatureBlock>())
        {
            var seal = analysis.Seals.Where(s => s.Block == block && s.Seal.Confidence >= settings.SealMinConfidence).MaxBy(s => s.Seal.Confidence);
            var date = analysis.Dates.TryGetValue(block, out var d) ? d : (DateOnly?)null;
            var known = stamps[block];
            if (seal is not null && (known.Seal is null || seal.Seal.Confidence > known.Seal.Seal.Confidence))
            {
                stamps[block] = new BlockStamp(block, seal, pageNumber, image.File, date ?? (known.Page == pageNumber ? known.Date : null));
            }
            else if (date is not null && known.Date is null && (known.Seal is null || known.Page == pageNumber))
            {
                stamps[block] = known with { Date = date };
            }
        }

        if (context.Logger.IsEnabled(LogLevel.Debug))
        {
            context.Logger.LogDebug("Signature page {File} page {Page}: {Seals} seals, confidence {Confidence}",
                image.File, image.Page, analysis.Seals.Count, analysis.MeanConfidence);
        }
    }

    private static StampBlock ToRecord(BlockStamp stamp) => new()
    {
        Present = stamp.Seal is not null,
        Date = stamp.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Organization = stamp.Seal?.Organization,
        Confidence = stamp.Seal?.Seal.Confidence,
        Page = stamp.Seal is null ? null : stamp.Page,
    };
}
