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

    public Task StoreAsync(string packagePath, string sha256, CancellationToken cancellationToken)
    {
        if (Find(sha256) is not null)
        {
            return Task.CompletedTask;
        }

        var folder = Path.Combine(_root, sha256[..2]);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + sha256 + "." + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(packagePath))
        {
            CopyFolder(packagePath, temporary, cancellationToken);
            MoveIntoPlace(() => Directory.Move(temporary, Path.Combine(folder, sha256)), temporary);
        }
        else
        {
            File.Copy(packagePath, temporary);
            MoveIntoPlace(() => File.Move(temporary, Path.Combine(folder, sha256 + ".zip")), temporary);
        }

        return Task.CompletedTask;
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

    // File.Copy lets the kernel copy (copy_file_range) instead of reading every byte into the process and writing it
    // back: the same bytes for a fraction of the CPU.
    private static void CopyFolder(string source, string target, CancellationToken cancellationToken)
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
                CopyFolder(directory.FullName, destination, cancellationToken);
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Copy(entry.FullName, destination);
            }
        }
    }
}
