using System.IO.Compression;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;

namespace CaseIngest.Web.PageImages;

/// <summary>Reads a signature page's image out of the package store (<c>Store:Path</c>), found by the record's
/// <see cref="CaseRecord.PackageSha256"/>. Only images a browser shows (JPEG, PNG) are served; PDF pages and TIFF get
/// the seal boxes alone.</summary>
internal sealed class PageImageStore(IConfiguration configuration)
{
    private const long MaxImageBytes = 32 * 1024 * 1024;
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private string StorePath => Path.GetFullPath(configuration["Store:Path"] ?? Path.Combine(".", "data", "packages"));

    public static string? ContentTypeOf(string fileName) =>
        s_contentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : null;

    /// <summary>The image of a page, or null when the store does not hold it or it is no browser image.</summary>
    public async Task<PageImage?> OpenAsync(CaseRecord record, PageInfo page, CancellationToken cancellationToken)
    {
        var contentType = ContentTypeOf(page.File);
        if (contentType is null || record.PackageSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        foreach (var candidate in Candidates(sha.ToLowerInvariant()))
        {
            var bytes = Directory.Exists(candidate) ? await ReadFromFolderAsync(candidate, page.File, cancellationToken)
                : File.Exists(candidate) ? await ReadFromZipAsync(candidate, page.File, cancellationToken)
                : null;
            if (bytes is not null)
            {
                return new PageImage(bytes, contentType, ImageSize.Read(bytes));
            }
        }

        return null;
    }

    // The store keeps a package as <sha> or <sha>.zip, flat or under a two-letter fan-out folder.
    private IEnumerable<string> Candidates(string sha)
    {
        foreach (var folder in new[] { StorePath, Path.Combine(StorePath, sha[..2]) })
        {
            yield return Path.Combine(folder, sha);
            yield return Path.Combine(folder, sha + ".zip");
        }
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
            await using var zip = await ZipFile.OpenReadAsync(zipPath, cancellationToken);
            // Entry names may be GBK-decoded differently from the record; the store's zip is what the pipeline read, so
            // compare after normalising separators only.
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/') == file);
            if (entry is null || entry.Length > MaxImageBytes)
            {
                return null;
            }

            await using var stream = await entry.OpenAsync(cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

internal sealed record PageImage(byte[] Bytes, string ContentType, (int Width, int Height)? Size);
