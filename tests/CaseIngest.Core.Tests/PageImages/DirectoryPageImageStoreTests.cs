using System.Security.Cryptography;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Images;
using CaseIngest.Documents.Pages;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Tests.PageImages;

/// <summary>The page-image store on a temporary folder, rendering the sample corpus's signature pages with the real
/// pdftoppm (poppler-utils), and a three-frame TIFF.</summary>
public sealed class DirectoryPageImageStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "caseingest-pages-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RenderAsync_PdfSignaturePage_KeepsEveryPageAsAJpegOnce()
    {
        var pdf = Path.Combine(TestPaths.CorpusPackage("D13"), "盖章页.pdf");
        var sha = Sha256(pdf);
        var store = Store();

        var pages = await store.RenderAsync("盖章页.pdf", pdf, sha, CancellationToken.None);
        var again = await store.RenderAsync("盖章页.pdf", pdf, sha, CancellationToken.None);

        Assert.True(pages >= 1);
        Assert.Equal(pages, again);
        var first = store.Find(sha, 1)!;
        Assert.Equal("image/jpeg", first.ContentType);
        var size = ImageHeader.ReadSize(await File.ReadAllBytesAsync(first.Path))!.Value;
        Assert.InRange(size.Width, 800, 1400);   // A4 at 110 dpi is 910 px wide
        Assert.True(size.Height > size.Width);
        Assert.Null(store.Find(sha, pages + 1));
    }

    [Fact]
    public async Task RenderAsync_JpegIsKeptAsItIs_DocxIsNoPages()
    {
        var jpeg = Path.Combine(TestPaths.CorpusPackage("D01"), "盖章页.jpg");
        var store = Store();

        Assert.Equal(1, await store.RenderAsync("盖章页.jpg", jpeg, Sha256(jpeg), CancellationToken.None));
        Assert.Equal(await File.ReadAllBytesAsync(jpeg), await File.ReadAllBytesAsync(store.Find(Sha256(jpeg), 1)!.Path));
        Assert.Equal(0, await store.RenderAsync("申报表.docx", jpeg, new string('a', 64), CancellationToken.None));
        Assert.Null(store.Find(new string('a', 64), 1));
    }

    [Fact]
    public async Task RenderAsync_MultiPageTiffSignaturePages_EveryFrameKeptAsAPng()
    {
        var tiff = TestPaths.ThreeFrameTiff;
        var sha = Sha256(tiff);
        var store = Store();

        Assert.Equal(3, await store.RenderAsync("盖章页.tif", tiff, sha, CancellationToken.None));

        var sizes = Enumerable.Range(1, 3).Select(page => store.Find(sha, page)!)
            .Select(image => (image.ContentType, ImageHeader.ReadSize(File.ReadAllBytes(image.Path)))).ToList();
        Assert.Equal([("image/png", (331, 468)), ("image/png", (596, 842)), ("image/png", (248, 351))], sizes);
        Assert.Null(store.Find(sha, 4));
    }

    [Fact]
    public async Task RenderAsync_BrokenPdf_FailsNamingTheFile_AndKeepsNothing()
    {
        var broken = Path.Combine(_root, "broken.pdf");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(broken, "%PDF-1.4 not really");
        var store = Store();

        var error = await Assert.ThrowsAsync<PageRenderException>(() => store.RenderAsync("扫描件.pdf", broken, Sha256(broken), CancellationToken.None));

        Assert.Contains("扫描件.pdf", error.Message, StringComparison.Ordinal);
        Assert.Null(store.Find(Sha256(broken), 1));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private DirectoryPageImageStore Store() => new(Options.Create(new StoreOptions { Path = _root }), Options.Create(new PageImageOptions()));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
