namespace CaseIngest.Core.Packages;

/// <summary>A package read into its work folder: the files that could be read and the problems met on the way.</summary>
public sealed class ReadPackage
{
    /// <summary>The name the package goes by (folder or zip name without extension).</summary>
    public required string Name { get; init; }

    /// <summary>Lower-case hex sha256: of the zip's bytes, or of a folder's sorted listing of names and file hashes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Whether the package is a folder (else a .zip file).</summary>
    public required bool IsFolder { get; init; }

    public required IReadOnlyList<ExtractedFile> Files { get; init; }

    public required IReadOnlyList<PackageProblem> Problems { get; init; }
}

/// <summary>A file extracted to the work folder.</summary>
/// <param name="Name">Its path inside the package (forward slashes, a common top folder removed).</param>
/// <param name="Path">Where it is on disk.</param>
public sealed record ExtractedFile(string Name, string Path, string Sha256, long Bytes);

/// <summary>Why (part of) a package was refused.</summary>
/// <param name="Entry">The entry concerned, or null for the package as a whole.</param>
/// <param name="Message">What is wrong, naming the limit where one was passed.</param>
public sealed record PackageProblem(string? Entry, string Message, double? Measured = null, double? Limit = null);
