using System.Buffers.Binary;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Plugins.OcrStamps.Pages;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CaseIngest.Plugins.OcrStamps.Tests.Pages;

[Collection(OcrEnginesGroup.Name)]
public sealed class PageImageLoaderTests(OcrFixture fixture)
{
    [Fact]
    public async Task LoadAsync_PngHeaderOfAHugeImage_RefusedBeforeDecoding()
    {
        var path = fixture.WriteFile("bomb.png", PngHeader(60_000, 60_000));

        var pages = await Loader().LoadAsync("bomb.png", path, CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.Null(page.Image);
        Assert.Contains("60000×60000", page.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CorruptAndHugeImages_LowConfidenceFindingNamingEachPage()
    {
        var corrupt = fixture.WriteFile("scan-corrupt.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5]);
        var huge = fixture.WriteFile("scan-huge.png", PngHeader(40_000, 40_000));

        var record = await fixture.RunStepAsync([corrupt, huge]);

        var findings = record.Findings.Where(f => f.Code == FindingCodes.LowOcrConfidence).ToList();
        Assert.Equal(["scan-corrupt.jpg", "scan-huge.png"], findings.Select(f => f.Location!.File).Order());
        Assert.All(findings, f => Assert.Equal(1, f.Location!.Page));
        Assert.Contains(record.Findings, f => f.Code == FindingCodes.MissingApplicantStamp);
    }

    [Fact]
    public async Task LoadAsync_PdfPageWithoutImageAndNoRasteriser_ClearProblem()
    {
        var path = fixture.WriteFile("typed.pdf", TextOnlyPdf());

        var pages = await Loader(o => o.Pdftoppm = "/nonexistent/pdftoppm").LoadAsync("typed.pdf", path, CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.Null(page.Image);
        Assert.Contains("pdftoppm", page.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_PdfPageWithoutImage_RasterisedWithPdftoppm()
    {
        if (!File.Exists("/usr/bin/pdftoppm"))
        {
            return; // poppler-utils not installed: the clear-problem test above covers this machine
        }

        var path = fixture.WriteFile("typed2.pdf", TextOnlyPdf());

        var pages = await Loader(o => o.RasterDpi = 100).LoadAsync("typed2.pdf", path, CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.NotNull(page.Image);
        Assert.Equal(827, page.Image.Width, tolerance: 2);
        page.Dispose();
    }

    [Fact]
    public async Task LoadAsync_TwoPageTiff_BothPagesNumbered()
    {
        using var first = new Mat(300, 200, MatType.CV_8UC3, Scalar.White);
        using var second = new Mat(400, 250, MatType.CV_8UC3, Scalar.Red);
        var path = Path.Combine(fixture.Work.FullName, "scans.tif");
        Assert.True(Cv2.ImWrite(path, [first, second]));

        var pages = await Loader().LoadAsync("scans.tif", path, CancellationToken.None);

        Assert.Equal([1, 2], pages.Select(p => p.Page));
        Assert.Equal([200, 250], pages.Select(p => p.Image!.Width));
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task LoadAsync_ThreeFrameTiffOfG4LzwAndJpeg_EveryFrame_AFrameAboveTheLimitReported()
    {
        var all = await Loader().LoadAsync("盖章页.tif", TestPaths.ThreeFrameTiff, CancellationToken.None);
        var pages = await Loader(o => o.MaxPagePixels = 200_000).LoadAsync("盖章页.tif", TestPaths.ThreeFrameTiff, CancellationToken.None);

        Assert.Equal([(1, 331), (2, 596), (3, 248)], all.Select(p => (p.Page, p.Image!.Width)));
        Assert.Equal([1, 2, 3], pages.Select(p => p.Page));
        Assert.Null(pages[1].Image);
        Assert.Contains("596×842", pages[1].Problem, StringComparison.Ordinal);
        all.Concat(pages).ToList().ForEach(p => p.Dispose());
    }

    [Fact]
    public void LimitSize_OversizedPage_DownscaledAndOriginalSizeKept()
    {
        using var page = PageImage.Of("big.png", 1, new Mat(8000, 5000, MatType.CV_8UC3, Scalar.White));

        page.LimitSize(3600);

        Assert.Equal(new Size(5000, 8000), page.DownscaledFrom);
        Assert.Equal(3600, page.Image!.Height);
    }

    private static PageImageLoader Loader(Action<OcrStampsOptions>? configure = null)
    {
        var options = new OcrStampsOptions();
        configure?.Invoke(options);
        return new PageImageLoader(Options.Create(options));
    }

    private static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }

    private static byte[] TextOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Signature page typed, not scanned", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        return builder.Build();
    }
}
