using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Images;

namespace CaseIngest.Web.PageImages;

/// <summary>Reads a signature page's image out of the package store, found by the record's
/// <see cref="CaseRecord.PackageSha256"/>. Only images a browser shows (JPEG, PNG) are served; PDF pages and TIFF get
/// the seal boxes alone.</summary>
internal sealed class PageImageStore(IPackageStore store)
{
    private const long MaxImageBytes = 32 * 1024 * 1024;
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public static string? ContentTypeOf(string fileName) =>
        s_contentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : null;

    /// <summary>The image of a page, or null when the store does not hold it or it is no browser image.</summary>
    public async Task<PageImage?> OpenAsync(CaseRecord record, PageInfo page, CancellationToken cancellationToken)
    {
        var contentType = ContentTypeOf(page.File);
        if (contentType is null || record.PackageSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigit)
            || store.Find(sha.ToLowerInvariant()) is not { } package)
        {
            return null;
        }

        var bytes = await PackageReader.ReadFileAsync(package, page.File, MaxImageBytes, cancellationToken);
        return bytes is null ? null : new PageImage(bytes, contentType, ImageHeader.ReadSize(bytes));
    }
}

internal sealed record PageImage(byte[] Bytes, string ContentType, (int Width, int Height)? Size);
