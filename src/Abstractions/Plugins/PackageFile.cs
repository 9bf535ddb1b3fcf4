using CaseIngest.Abstractions.Records;

namespace CaseIngest.Abstractions.Plugins;

/// <summary>A file of a package, extracted to the package's work folder.</summary>
public sealed class PackageFile
{
    /// <summary>Creates a package file.</summary>
    public PackageFile(string name, string path, FileRole role, string sha256, long bytes)
    {
        Name = name;
        Path = path;
        Role = role;
        Sha256 = sha256;
        Bytes = bytes;
    }

    /// <summary>The name inside the package (forward slashes; GBK names decoded).</summary>
    public string Name { get; }

    /// <summary>Where the bytes are on disk while the package is processed.</summary>
    public string Path { get; }

    /// <summary>The role decided by content.</summary>
    public FileRole Role { get; }

    /// <summary>Lower-case hex sha256 of the bytes.</summary>
    public string Sha256 { get; }

    /// <summary>Size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Set when <see cref="Path"/> holds a .docx the host converted from a legacy or foreign format (doc, rtf, odt,
    /// wps): that format. Readers read <see cref="Path"/> as the .docx it is; <see cref="Name"/> keeps the submitted name.</summary>
    public string? ConvertedFrom { get; init; }

    /// <summary>Set when the host could not convert a legacy document (LibreOffice failed, timed out or is missing): why,
    /// in words for the submitter. <see cref="Path"/> then holds the file as submitted.</summary>
    public string? ConversionProblem { get; init; }

    /// <summary>The page ranges of a file that holds several documents (a merged PDF), each with its role, in page order;
    /// empty when the whole file has <see cref="Role"/>. <see cref="Role"/> is then the main role (the most pages).</summary>
    public IReadOnlyList<PageRange> Pages { get; init; } = [];

    /// <summary>Whether the file is, or holds pages of, <paramref name="role"/>.</summary>
    public bool Holds(FileRole role) => Role == role || Pages.Any(p => p.Role == role);

    /// <summary>The pages (1-based) of the file that are <paramref name="role"/>: null when the whole file is read for
    /// it (one role, no ranges), else the pages of the ranges of that role (empty when there are none).</summary>
    public IReadOnlySet<int>? PagesOf(FileRole role) => Pages.Count == 0
        ? (Role == role ? null : new HashSet<int>())
        : Pages.Where(p => p.Role == role).SelectMany(p => Enumerable.Range(p.From, p.To - p.From + 1)).ToHashSet();

    /// <summary>The extension, lower case with the dot (<c>.docx</c>).</summary>
    public string Extension => System.IO.Path.GetExtension(Name).ToLowerInvariant();

    /// <summary>Opens the file for reading.</summary>
    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
}
