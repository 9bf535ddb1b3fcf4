using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Storage;

/// <summary>The package store on a directory: <c>&lt;root&gt;/ab/abcdef….zip</c> for zips, <c>&lt;root&gt;/ab/abcdef…/</c>
/// for folders. Written to a temporary name and moved, so a crash never leaves a half package under its address.</summary>
public sealed class DirectoryPackageStore : IPackageStore
{
    private readonly string _root;

    public DirectoryPackageStore(IOptions<StoreOptions> options)
    {
        _root = Path.GetFullPath(options.Value.Path);
    }

    public async Task StoreAsync(string packagePath, string sha256, CancellationToken cancellationToken)
    {
        if (Find(sha256) is not null)
        {
            return;
        }

        var folder = Path.Combine(_root, sha256[..2]);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + sha256 + "." + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(packagePath))
        {
            await CopyFolderAsync(packagePath, temporary, cancellationToken);
            MoveIntoPlace(() => Directory.Move(temporary, Path.Combine(folder, sha256)), temporary);
        }
        else
        {
            await using (var source = new FileStream(packagePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            MoveIntoPlace(() => File.Move(temporary, Path.Combine(folder, sha256 + ".zip")), temporary);
        }
    }

    public string? Find(string sha256)
    {
        if (sha256.Length < 2)
        {
            return null;
        }

        var zip = Path.Combine(_root, sha256[..2], sha256 + ".zip");
        if (File.Exists(zip))
        {
            return zip;
        }

        var folder = Path.Combine(_root, sha256[..2], sha256);
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Another worker may have kept the same package meanwhile: then ours is dropped.</summary>
    private static void MoveIntoPlace(Action move, string temporary)
    {
        try
        {
            move();
        }
        catch (IOException)
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
            else
            {
                File.Delete(temporary);
            }
        }
    }

    private static async Task CopyFolderAsync(string source, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                await CopyFolderAsync(directory.FullName, destination, cancellationToken);
            }
            else
            {
                await using var input = new FileStream(entry.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await input.CopyToAsync(output, cancellationToken);
            }
        }
    }
}
