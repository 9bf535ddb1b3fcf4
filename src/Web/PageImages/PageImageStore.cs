using CaseIngest.Abstractions.Records;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Images;

namespace CaseIngest.Web.PageImages;

/// <summary>A signature page's image for the pages: the one rendered at ingest (<see cref="IPageImageStore"/>, PDF pages
/// included), found by the page's file's sha256; for a package kept before pages were rendered, a JPEG or PNG page read
/// out of the package store itself.</summary>
internal sealed class PageImageStore(IPackageStore store, IPageImageStore pages)
{
    private const long MaxImageBytes = 32 * 1024 * 1024;
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>The image of a page, or null when none is kept and the file is no browser image.</summary>
    public async Task<PageImage?> OpenAsync(CaseRecord record, PageInfo page, CancellationToken cancellationToken)
    {
        var fileSha = record.Files.FirstOrDefault(f => string.Equals(f.Name, page.File, StringComparison.Ordinal))?.Sha256;
        if (fileSha is not null && pages.Find(fileSha, page.Page) is { } rendered)
        {
            var kept = await File.ReadAllBytesAsync(rendered.Path, cancellationToken);
            return new PageImage(kept, rendered.ContentType, ImageHeader.ReadSize(kept));
        }

        if (!s_contentTypes.TryGetValue(Path.GetExtension(page.File), out var contentType) || page.Page != 1
            || record.PackageSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigit)
            || store.Find(sha.ToLowerInvariant()) is not { } package)
        {
            return null;
        }

        var bytes = await PackageReader.ReadFileAsync(package, page.File, MaxImageBytes, cancellationToken);
        return bytes is null ? null : new PageImage(bytes, contentType, ImageHeader.ReadSize(bytes));
    }
}

internal sealed record PageImage(byte[] Bytes, string ContentType, (int Width, int Height)? Size);
