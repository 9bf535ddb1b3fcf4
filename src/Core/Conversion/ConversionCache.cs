using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Conversion;

/// <summary>Converted documents kept by the sha256 of the file they came from (<c>&lt;CachePath&gt;/ab/abcd….docx</c>).
/// Entries are written whole (a temporary file moved into place), so a reader never sees half a document.</summary>
public sealed class ConversionCache
{
    private readonly string _root;

    public ConversionCache(IOptions<ConversionOptions> options)
    {
        _root = Path.GetFullPath(options.Value.CachePath);
    }

    /// <summary>The cached .docx for a source file's hash, or null.</summary>
    public string? Find(string sourceSha256)
    {
        var path = PathOf(sourceSha256);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Keeps <paramref name="docx"/> as the conversion of the file hashed <paramref name="sourceSha256"/>.</summary>
    public string Put(string sourceSha256, string docx)
    {
        var path = PathOf(sourceSha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.Copy(docx, temporary);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length < 8 || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"not a sha256: {sha256}", nameof(sha256));
        }

        return Path.Combine(_root, sha256[..2], sha256 + ".docx");
    }
}
