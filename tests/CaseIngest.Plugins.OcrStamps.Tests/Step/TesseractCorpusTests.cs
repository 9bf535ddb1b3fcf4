using System.Globalization;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Pages;
using CaseIngest.Plugins.OcrStamps.Seals;
using CaseIngest.Plugins.OcrStamps.Tests.Corpus;
using CaseIngest.Testing;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.OcrStamps.Tests.Step;

[Collection(OcrEnginesGroup.Name)]
public sealed class TesseractCorpusTests(OcrFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(OcrReading.Targeted)]
    [InlineData(OcrReading.FullPage)]
    public async Task AnalyseAsync_CorpusPagesWithTesseractInParallel_SealsPlacedAndProcessSurvivesLibPng_Issue4(OcrReading mode)
    {
        // GIVEN corpus pages whose recognition makes leptonica write PNGs (the path that crashed the process beside
        // OpenCV's own libpng) and the Tesseract pool, two pages at a time
        var folder = fixture.Work.CreateSubdirectory($"tesseract-corpus-{mode}");
        var reading = PageReading.Of(new OcrStampsOptions { Engine = OcrEngineKind.Tesseract, Reading = mode });
        var pages = CorpusSignaturePages.Extract(TestPaths.Corpus, folder.FullName).Where(p => p.Id is "D01" or "D03" or "D07" or "D12").ToList();
        var loader = new PageImageLoader(Options.Create(new OcrStampsOptions()));
        var analyzer = new SignaturePageAnalyzer(new SealDetector());

        // WHEN Tesseract reads them, targeted (the default) or whole
        var results = await Task.WhenAll(pages.Select(page => Task.Run(async () =>
        {
            var images = await loader.LoadAsync(page.Name, page.Path, CancellationToken.None);
            using var image = images[0];
            return (page, analysis: await analyzer.AnalyseAsync(image.Image!, fixture.TesseractEngines, reading, CancellationToken.None));
        })));

        // THEN every block's seal is found where expected (dates are Tesseract's weak spot: reported, not asserted)
        foreach (var (page, analysis) in results)
        {
            Assert.Equal(page.Applicant.Present, analysis.Seals.Any(s => s.Block == SignatureBlock.Applicant));
            Assert.Equal(page.Recommender.Present, analysis.Seals.Any(s => s.Block == SignatureBlock.Recommender));
            Assert.True(analysis.BlocksFound.Count > 0, $"{page.Id}: Tesseract read none of the blocks' labels");
            output.WriteLine($"{page.Id}: applicant date {Iso(analysis, SignatureBlock.Applicant)} (expected {page.Applicant.Date}), " +
                $"recommender date {Iso(analysis, SignatureBlock.Recommender)} (expected {page.Recommender.Date}), confidence {analysis.MeanConfidence:0.00}");
        }
    }

    private static string Iso(PageAnalysis analysis, SignatureBlock block) =>
        analysis.Dates.TryGetValue(block, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none";
}
