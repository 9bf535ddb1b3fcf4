using CaseIngest.Documents.Images;
using CaseIngest.Documents.Pages;

namespace CaseIngest.Documents.Tests.Pages;

/// <summary>The page rasteriser on real files: the corpus's signature-page PDF, a PDF LibreOffice exports, a three-frame
/// TIFF written by poppler and libtiff (<c>tests/Shared/Files/README.md</c>), all rendered by the real pdftoppm.</summary>
public sealed class PageRasteriserTests : IDisposable
{
    private static readonly string s_tiff = TestPaths.ThreeFrameTiff;
    private static readonly string s_signaturePdf = Path.Combine(TestPaths.CorpusPackage("D13"), "盖章页.pdf");

    private readonly TemporaryDirectory _folder = new("documents-pages-");

    [Fact]
    public async Task RenderAsync_CorpusSignaturePdf_OnePngAtTheDpiAskedFor()
    {
        var pages = await Rasteriser().RenderAsync("盖章页.pdf", s_signaturePdf, _folder.Path, 110, PageSpan.FirstPages(60), CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.Equal(1, page.Number);
        Assert.Equal(Path.Combine(_folder.Path, "1.png"), page.Path);
        Assert.Equal((page.Width, page.Height), ImageHeader.ReadSize(await File.ReadAllBytesAsync(page.Path!)));
        Assert.InRange(page.Width, 905, 915);   // A4 (595 pt) at 110 dpi
        Assert.Equal(["1.png"], Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RenderAsync_CorpusSignaturePdf_AsJpeg_OneJpgOfThePngsSize()
    {
        var png = Assert.Single(await Rasteriser().RenderAsync("盖章页.pdf", s_signaturePdf, Path.Combine(_folder.Path, "png"), 110,
            PageSpan.FirstPages(60), CancellationToken.None));
        var jpegRasteriser = new PageRasteriser(PageRasterSettings.Default with { PdfPageFormat = RenderedPageFormat.Jpeg });

        var pages = await jpegRasteriser.RenderAsync("盖章页.pdf", s_signaturePdf, _folder.Path, 110, PageSpan.FirstPages(60), CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.Equal(Path.Combine(_folder.Path, "1.jpg"), page.Path);
        var bytes = await File.ReadAllBytesAsync(page.Path!);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.Equal((png.Width, png.Height), ImageHeader.ReadSize(bytes));
        Assert.Equal(["1.jpg"], Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName));
    }

    [LibreOfficeFact]
    public async Task RenderAsync_PagesOfALibreOfficePdf_OnlyThoseAsked_NumberedAsInTheFile()
    {
        var body = string.Join("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>",
            Enumerable.Range(1, 12).Select(i => WordMarkup.Paragraph($"第 {i} 页 盖章页")));
        var docx = _folder.File("twelve.docx");
        await File.WriteAllBytesAsync(docx, Support.DocxFile.FromBody(body));
        var pdf = await LibreOffice.ConvertToPdfAsync(docx, _folder.Path);
        var output = Path.Combine(_folder.Path, "pages");

        var pages = await Rasteriser().RenderAsync("twelve.pdf", pdf, output, 30, new PageSpan(9, 11), CancellationToken.None);

        // pdftoppm pads numbers to the page count (p-09): each comes back as the page's own number.
        Assert.Equal([9, 10, 11], pages.Select(p => p.Number));
        Assert.Equal(["10.png", "11.png", "9.png"], Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RenderAsync_PagePastTheLast_FailsNamingFileAndPage()
    {
        var error = await Assert.ThrowsAsync<PageRenderException>(() =>
            Rasteriser().RenderAsync("盖章页.pdf", s_signaturePdf, _folder.Path, 72, PageSpan.Page(2), CancellationToken.None));

        Assert.Equal(PageRenderFailure.ToolFailed, error.Failure);
        Assert.StartsWith("盖章页.pdf page 2: pdftoppm could not render it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_BrokenPdf_FailsNamingTheFile_LeavesNoFiles()
    {
        var broken = _folder.File("broken.pdf");
        await File.WriteAllTextAsync(broken, "%PDF-1.4 not really");
        var output = Path.Combine(_folder.Path, "pages");

        var error = await Assert.ThrowsAsync<PageRenderException>(() =>
            Rasteriser().RenderAsync("扫描件.pdf", broken, output, 72, PageSpan.FirstPages(3), CancellationToken.None));

        Assert.Equal(PageRenderFailure.ToolFailed, error.Failure);
        Assert.Equal("扫描件.pdf", error.FileName);
        Assert.StartsWith("扫描件.pdf pages 1-3:", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task RenderAsync_PdftoppmMissing_SaysWhatToInstall()
    {
        var rasteriser = new PageRasteriser(PageRasterSettings.Default with { Pdftoppm = "/nonexistent/pdftoppm" });

        var error = await Assert.ThrowsAsync<PageRenderException>(() =>
            rasteriser.RenderAsync("盖章页.pdf", s_signaturePdf, _folder.Path, 72, PageSpan.Page(1), CancellationToken.None));

        Assert.Equal(PageRenderFailure.ToolMissing, error.Failure);
        Assert.Contains("/nonexistent/pdftoppm could not be started (install poppler-utils)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Cancelled_Throws_LeavesNoFiles()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Rasteriser().RenderAsync("盖章页.pdf", s_signaturePdf, _folder.Path, 110, PageSpan.Page(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Rasteriser().RenderAsync("盖章页.tif", s_tiff, _folder.Path, 110, PageSpan.FirstPages(3), cancelled.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task RenderAsync_HangingStandInForPdftoppm_StoppedAtTheTimeout()
    {
        // A stand-in (no real pdftoppm can be made to hang on purpose): a script that never finishes by itself.
        var hanging = _folder.File("hanging-pdftoppm.sh");
        await File.WriteAllTextAsync(hanging, "#!/bin/sh\nexec tail -f /dev/null\n");
        if (!OperatingSystem.IsWindows()) // pdftoppm and the stand-in are Unix programs here
        {
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var rasteriser = new PageRasteriser(PageRasterSettings.Default with { Pdftoppm = hanging, Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<PageRenderException>(() =>
            rasteriser.RenderAsync("盖章页.pdf", s_signaturePdf, _folder.File("out"), 110, PageSpan.Page(1), CancellationToken.None));

        Assert.Equal(PageRenderFailure.TimedOut, error.Failure);
        Assert.StartsWith("盖章页.pdf page 1: rendering took longer than 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ThreeFrameTiff_OnePngPerFrame_LzwG4AndJpegDecoded()
    {
        var pages = await Rasteriser().RenderAsync("盖章页.TIF", s_tiff, _folder.Path, 110, PageSpan.FirstPages(60), CancellationToken.None);

        Assert.Equal([(1, 331, 468), (2, 596, 842), (3, 248, 351)], pages.Select(p => (p.Number, p.Width, p.Height)));
        foreach (var page in pages)
        {
            var pixels = PngPixels.Read(page.Path!);
            Assert.Equal((page.Width, page.Height), (pixels.Width, pixels.Height));
            // A typed signature page: paper with some ink, the right way round (min-is-black G4 not inverted).
            Assert.InRange(pixels.InkShare(), 0.001, 0.2);
        }
    }

    [Fact]
    public async Task RenderAsync_TiffFrameSpan_OnlyThoseFrames()
    {
        var pages = await Rasteriser().RenderAsync("盖章页.tiff", s_tiff, _folder.Path, 110, new PageSpan(2, 9), CancellationToken.None);

        Assert.Equal([2, 3], pages.Select(p => p.Number));
        Assert.Equal(["2.png", "3.png"], Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RenderAsync_TiffFrameAboveThePixelLimit_RefusedUndecoded_OthersRendered()
    {
        var rasteriser = new PageRasteriser(PageRasterSettings.Default with { MaxPagePixels = 200_000 });

        var pages = await rasteriser.RenderAsync("盖章页.tif", s_tiff, _folder.Path, 110, PageSpan.FirstPages(3), CancellationToken.None);

        Assert.Equal([true, false, true], pages.Select(p => p.IsRendered));
        Assert.Equal((596, 842), (pages[1].Width, pages[1].Height));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "2.png")));
    }

    [Fact]
    public async Task RenderAsync_TruncatedTiff_FailsNamingTheFile()
    {
        var truncated = _folder.File("truncated.tif");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(s_tiff))[..4000]);

        var error = await Assert.ThrowsAsync<PageRenderException>(() =>
            Rasteriser().RenderAsync("扫描件.tif", truncated, Path.Combine(_folder.Path, "pages"), 110, PageSpan.FirstPages(3), CancellationToken.None));

        Assert.Equal(PageRenderFailure.Undecodable, error.Failure);
        Assert.StartsWith("扫描件.tif ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_PdfAndTiff_NotBrowserImagesOrDocuments()
    {
        Assert.True(PageRasteriser.Renders(".PDF"));
        Assert.True(PageRasteriser.Renders(".tif"));
        Assert.True(PageRasteriser.Renders(".tiff"));
        Assert.False(PageRasteriser.Renders(".jpg"));
        Assert.False(PageRasteriser.Renders(".docx"));
    }

    public void Dispose() => _folder.Dispose();

    private static PageRasteriser Rasteriser() => new(PageRasterSettings.Default);
}
