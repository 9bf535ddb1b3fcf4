using System.Globalization;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Pages;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.PageImages;

/// <summary>Page images on disk beside the package store: <c>&lt;store&gt;/pages/ab/abcdef…/1.png</c>. A file's pages
/// are rendered into a temporary folder and moved into place whole, so a crash or a second worker never leaves half a
/// file's pages under its address. PDF pages and TIFF frames go through the one page rasteriser of the documents
/// library (OcrStamps renders with it too); a JPEG or PNG page is kept as it is.</summary>
public sealed class DirectoryPageImageStore : IPageImageStore
{
    private static readonly Dictionary<string, string> s_browserImages = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private readonly string _root;
    private readonly PageImageOptions _options;
    private readonly PageRasteriser _rasteriser;

    public DirectoryPageImageStore(IOptions<StoreOptions> store, IOptions<PageImageOptions> options)
    {
        _root = Path.Combine(Path.GetFullPath(store.Value.Path), "pages");
        _options = options.Value;
        // JPEG: these pages are looked at, not read by machine (PageRasterSettings.PdfPageFormat says what PNG cost).
        _rasteriser = new PageRasteriser(new PageRasterSettings(_options.Pdftoppm, TimeSpan.FromSeconds(_options.TimeoutSeconds), _options.MaxPagePixels)
        {
            PdfPageFormat = RenderedPageFormat.Jpeg,
        });
    }

    public async Task<int> RenderAsync(string fileName, string filePath, string fileSha256, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || !IsAddress(fileSha256))
        {
            return 0;
        }

        var folder = FolderOf(fileSha256);
        if (Directory.Exists(folder))
        {
            return Directory.EnumerateFiles(folder).Count();
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!PageRasteriser.Renders(extension) && !s_browserImages.ContainsKey(extension))
        {
            return 0;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        var temporary = folder + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(temporary);
        try
        {
            if (PageRasteriser.Renders(extension))
            {
                await _rasteriser.RenderAsync(fileName, filePath, temporary, _options.Dpi, PageSpan.FirstPages(_options.MaxPages), cancellationToken);
            }
            else
            {
                File.Copy(filePath, Path.Combine(temporary, "1" + extension));
            }

            var pages = Directory.EnumerateFiles(temporary).Count();
            try
            {
                Directory.Move(temporary, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another worker kept the same file meanwhile: theirs stays.
                Directory.Delete(temporary, recursive: true);
            }

            return pages;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public StoredPageImage? Find(string fileSha256, int page)
    {
        if (!IsAddress(fileSha256) || page < 1)
        {
            return null;
        }

        var folder = FolderOf(fileSha256);
        foreach (var (extension, contentType) in s_browserImages)
        {
            var path = Path.Combine(folder, page.ToString(CultureInfo.InvariantCulture) + extension);
            if (File.Exists(path))
            {
                return new StoredPageImage(path, contentType);
            }
        }

        return null;
    }

    private string FolderOf(string sha256) => Path.Combine(_root, sha256[..2], sha256.ToLowerInvariant());

    private static bool IsAddress(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run to replace; the address is untouched.
        }
    }
}
