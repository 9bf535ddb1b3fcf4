using System.IO.Compression;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Storage;

namespace CaseIngest.Web.PageImages;

/// <summary>Reads a signature page's image out of the package store, found by the record's
/// <see cref="CaseRecord.PackageSha256"/>. Only images a browser shows (JPEG, PNG) are served; PDF pages and TIFF get
/// the seal boxes alone.</summary>
internal sealed class PageImageStore(IPackageStore store)
{
    private const long MaxImageBytes = 32 * 1024 * 1024;
    // Zip entries without the UTF-8 flag are GBK when Chinese Windows tools wrote them, as the records decode them.
    private static readonly Encoding s_gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
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

        var bytes = Directory.Exists(package)
            ? await ReadFromFolderAsync(package, page.File, cancellationToken)
            : await ReadFromZipAsync(package, page.File, cancellationToken);
        return bytes is null ? null : new PageImage(bytes, contentType, ImageSize.Read(bytes));
    }
    private static async Task<byte[]?> ReadFromFolderAsync(string folder, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)
            || new FileInfo(path).Length > MaxImageBytes)
        {
            return null;
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static async Task<byte[]?> ReadFromZipAsync(string zipPath, string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, s_gbk, cancellationToken);
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/') == file);
            if (entry is null || entry.Length > MaxImageBytes)
            {
                return null;
            }

            await using var content = await entry.OpenAsync(cancellationToken);
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

internal sealed record PageImage(byte[] Bytes, string ContentType, (int Width, int Height)? Size);
