namespace CaseIngest.Core.Storage;

/// <summary>Keeps every processed package by the sha256 of its content, so checks can run again later.</summary>
public interface IPackageStore
{
    /// <summary>Keeps the package at <paramref name="packagePath"/> under <paramref name="sha256"/> (nothing when already kept).</summary>
    Task StoreAsync(string packagePath, string sha256, CancellationToken cancellationToken);

    /// <summary>The kept package (a .zip or a folder) for a sha256, or null.</summary>
    string? Find(string sha256);
}
