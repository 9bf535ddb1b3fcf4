using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Packages;

/// <summary>Reads a package (a folder or a .zip) into a work folder, refusing what could harm the host: path traversal,
/// absolute paths, links, zip bombs and oversized files. Never throws for bad input: problems are returned.</summary>
public sealed class PackageReader
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;
    private const int ExtractionBufferBytes = 81920;

    private readonly PackageLimits _limits;

    public PackageReader(IOptions<PackageLimits> limits)
    {
        _limits = limits.Value;
    }

    /// <summary>Reads <paramref name="packagePath"/> into <paramref name="workFolder"/> (created).</summary>
    public async Task<ReadPackage> ReadAsync(string packagePath, string workFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workFolder);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(packagePath));
        try
        {
            if (Directory.Exists(packagePath))
            {
                return await ReadFolderAsync(packagePath, name, workFolder, cancellationToken);
            }

            return await ReadZipAsync(packagePath, Path.GetFileNameWithoutExtension(name), workFolder, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Missing, unreadable or vanished while read: still a record, with the reason.
            return new ReadPackage
            {
                Name = Path.GetFileNameWithoutExtension(name),
                Sha256 = "",
                IsFolder = false,
                Files = [],
                Problems = [new PackageProblem(null, $"cannot be read: {ex.Message}")],
            };
        }
    }

    private async Task<ReadPackage> ReadFolderAsync(string folder, string name, string workFolder, CancellationToken cancellationToken)
    {
        var problems = new List<PackageProblem>();
        var sources = new List<(string Name, string Path)>();
        CollectFolder(folder, "", sources, problems);
        var copies = PlanFolderCopies(sources, workFolder, problems);

        // The kernel copies the files into the work folder (File.Copy: no byte passes through the process) while this
        // thread hashes them where they are, on another core when one is free: for a signature page of a few megabytes
        // each costs about as much as the other, and one after the other they were most of a folder package's reading.
        var copying = Task.Run(() =>
        {
            foreach (var copy in copies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Directory.CreateDirectory(Path.GetDirectoryName(copy.Target)!);
                File.Copy(copy.Source, copy.Target);
            }
        }, cancellationToken);
        var files = new List<ExtractedFile>(copies.Count);
        try
        {
            foreach (var copy in copies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (sha256, bytes) = HashFile(copy.Source);
                files.Add(new ExtractedFile(copy.Name, copy.Target, sha256, bytes));
            }
        }
        catch
        {
            await copying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await copying;

        // An empty folder was read without trouble: it is not unreadable (failed) but holds no documents, which the
        // pipeline's missing_document findings say (rejected), as the design has it for a bulk export's empty folder.

        var listing = string.Concat(files.Select(f => f.Name + "\n" + f.Sha256 + "\n"));
        return new ReadPackage
        {
            Name = name,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing))),
            IsFolder = true,
            Files = files,
            Problems = problems,
        };
    }

    /// <summary>Which of a folder's files are read, and where each goes: the limits are known from the files' lengths
    /// before a byte is read.</summary>
    private List<(string Name, string Source, string Target)> PlanFolderCopies(List<(string Name, string Path)> sources, string workFolder,
        List<PackageProblem> problems)
    {
        var copies = new List<(string Name, string Source, string Target)>();
        long total = 0;
        foreach (var (entryName, source) in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (copies.Count >= _limits.MaxEntries)
            {
                problems.Add(new PackageProblem(entryName, $"more than {_limits.MaxEntries} files (Packages:MaxEntries); the rest were not read",
                    sources.Count, _limits.MaxEntries));
                break;
            }

            var bytes = new FileInfo(source).Length;
            if (bytes > _limits.MaxFileBytes)
            {
                problems.Add(new PackageProblem(entryName, $"is {bytes} bytes, over the limit of {_limits.MaxFileBytes} per file (Packages:MaxFileBytes)",
                    bytes, _limits.MaxFileBytes));
                continue;
            }

            if (total + bytes > _limits.MaxTotalBytes)
            {
                problems.Add(new PackageProblem(entryName, $"the package holds more than {_limits.MaxTotalBytes} bytes in all (Packages:MaxTotalBytes)",
                    total + bytes, _limits.MaxTotalBytes));
                break;
            }

            copies.Add((entryName, source, TargetPath(workFolder, copies.Count, entryName)));
            total += bytes;
        }

        return copies;
    }

    private static void CollectFolder(string folder, string prefix, List<(string, string)> sources, List<PackageProblem> problems)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var entryName = prefix + entry.Name;
            if (entry.LinkTarget is not null)
            {
                problems.Add(new PackageProblem(entryName, "a symbolic link; links are refused"));
            }
            else if (entry is DirectoryInfo directory)
            {
                CollectFolder(directory.FullName, entryName + "/", sources, problems);
            }
            else
            {
                sources.Add((entryName, entry.FullName));
            }
        }
    }

    private async Task<ReadPackage> ReadZipAsync(string zipPath, string name, string workFolder, CancellationToken cancellationToken)
    {
        var problems = new List<PackageProblem>();
        var files = new List<ExtractedFile>();
        // The zip's hash (its address in the package store) is read beside the extraction, on another core when one is
        // free: for a package with a signature page of a few megabytes each costs about as much as the other.
        var hashing = Task.Run(() => HashFile(zipPath).Sha256, cancellationToken);
        try
        {
            await ExtractZipAsync(zipPath, workFolder, files, problems, cancellationToken);
        }
        catch
        {
            await ((Task)hashing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        return new ReadPackage { Name = name, Sha256 = await hashing, IsFolder = false, Files = files, Problems = problems };
    }

    /// <summary>The file's SHA-256 and the bytes it was read from.</summary>
    private static (string Sha256, long Bytes) HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Position);
    }

    private async Task ExtractZipAsync(string zipPath, string workFolder, List<ExtractedFile> files, List<PackageProblem> problems, CancellationToken cancellationToken)
    {
        var zipBytes = new FileInfo(zipPath).Length;
        if (zipBytes > _limits.MaxPackageBytes)
        {
            problems.Add(new PackageProblem(null, $"the package is {zipBytes} bytes, over the limit of {_limits.MaxPackageBytes} (Packages:MaxPackageBytes)",
                zipBytes, _limits.MaxPackageBytes));
            return;
        }

        await using var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        ZipArchive? archive = null;
        IReadOnlyList<string>? rawNames;
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            rawNames = ZipEntryNames.Read(stream);
            stream.Seek(0, SeekOrigin.Begin);
            archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            // The central directory may be read on first use of Entries: a damaged one (an entry count that does not
            // match, found by fuzzing) must be a problem here, not an exception out of the reader.
            entries = archive.Entries;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            if (archive is not null)
            {
                await archive.DisposeAsync();
            }

            problems.Add(new PackageProblem(null, $"not a readable zip file: {ex.Message}"));
            return;
        }

        await using (archive)
        {
            if (entries.Count > _limits.MaxEntries)
            {
                problems.Add(new PackageProblem(null, $"the zip has {entries.Count} entries, over the limit of {_limits.MaxEntries} (Packages:MaxEntries)",
                    entries.Count, _limits.MaxEntries));
                return;
            }

            var (names, commonTop) = NameEntries(entries, rawNames);
            long total = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var entryName = names[i];
                if (IsDirectory(entry, entryName))
                {
                    continue;
                }

                if (Refuse(entry, entryName) is { } refusal)
                {
                    problems.Add(refusal);
                    continue;
                }

                var shortName = commonTop is null ? entryName : entryName[commonTop.Length..];
                if (entry.Length > _limits.MaxFileBytes)
                {
                    problems.Add(new PackageProblem(entryName, $"declares {entry.Length} bytes, over the limit of {_limits.MaxFileBytes} per file (Packages:MaxFileBytes)",
                        entry.Length, _limits.MaxFileBytes));
                    continue;
                }

                try
                {
                    await using var input = await entry.OpenAsync(cancellationToken);
                    var (file, problem, stop) = Extract(input, shortName, entry.CompressedLength, files.Count, workFolder, total, cancellationToken);
                    if (problem is not null)
                    {
                        problems.Add(problem with { Entry = entryName });
                        if (stop)
                        {
                            break;
                        }

                        continue;
                    }

                    files.Add(file!);
                    total += file!.Bytes;
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
                {
                    problems.Add(new PackageProblem(entryName, $"the entry cannot be extracted: {ex.Message}"));
                }
            }

            if (entries.Count == 0)
            {
                problems.Add(new PackageProblem(null, "the zip holds no files"));
            }
        }
    }

    /// <summary>One file of a package by the name its record gives it (<see cref="PackageFileInfo"/>: GBK names
    /// decoded, a zipped folder's top folder left out), for showing a stored package's page; null when the package has no
    /// such file, refuses it (links, traversal), cannot be read, or the file is over <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadFileAsync(string packagePath, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return Directory.Exists(packagePath)
                ? await ReadFolderFileAsync(packagePath, fileName, maxBytes, cancellationToken)
                : await ReadZipFileAsync(packagePath, fileName, maxBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadFolderFileAsync(string folder, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        var file = new FileInfo(path);
        if (!path.StartsWith(root, StringComparison.Ordinal) || !file.Exists || file.LinkTarget is not null || file.Length > maxBytes)
        {
            return null;
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static async Task<byte[]?> ReadZipFileAsync(string zipPath, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var rawNames = ZipEntryNames.Read(stream);
        stream.Seek(0, SeekOrigin.Begin);
        await using var archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var entries = archive.Entries;
        var (names, commonTop) = NameEntries(entries, rawNames);
        var index = names.FindIndex(n => (commonTop is null ? n : n[commonTop.Length..]) == fileName);
        if (index < 0 || IsDirectory(entries[index], names[index]) || Refuse(entries[index], names[index]) is not null
            || entries[index].Length > maxBytes)
        {
            return null;
        }

        // The header's length can lie (a bomb): read at most one byte past the limit.
        await using var input = await entries[index].OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The package's names for a zip's entries (decoded as <see cref="ZipEntryNames"/> reads them, else as the
    /// library does), and the top folder every file sits under, if any, which the record's names leave out.</summary>
    private static (List<string> Names, string? CommonTop) NameEntries(System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries, IReadOnlyList<string>? rawNames)
    {
        var names = entries.Select((e, i) => NormaliseName(rawNames is not null && rawNames.Count == entries.Count ? rawNames[i] : e.FullName)).ToList();
        return (names, CommonTopFolder(names.Where((n, i) => !IsDirectory(entries[i], n)).ToList()));
    }

    private static bool IsDirectory(ZipArchiveEntry entry, string name) => name.EndsWith('/') && entry.Length == 0;

    private static string NormaliseName(string name) => name.Replace('\\', '/');

    private static PackageProblem? Refuse(ZipArchiveEntry entry, string name)
    {
        var unixMode = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
        if (unixMode == UnixSymlink)
        {
            return new PackageProblem(name, "a symbolic link; links are refused");
        }

        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return new PackageProblem(name, "an absolute path; entries must be relative");
        }

        if (name.Split('/').Any(segment => segment == ".."))
        {
            return new PackageProblem(name, "a path that leaves the package (..); refused");
        }

        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            return new PackageProblem(name, "an entry without a usable name");
        }

        return null;
    }

    /// <summary>"D02/" when every file sits under that one folder (a zipped folder), else null.</summary>
    private static string? CommonTopFolder(List<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var slash = names[0].IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var top = names[0][..(slash + 1)];
        return names.All(n => n.StartsWith(top, StringComparison.Ordinal) && n.Length > top.Length) ? top : null;
    }

    /// <summary>Copies one file into the work folder while counting the bytes really produced (headers can lie) and
    /// hashing them; stops at the first limit passed. <c>StopReading</c>: the package as a whole is over a limit or
    /// looks like a bomb, so its other entries are not extracted either.</summary>
    private (ExtractedFile? File, PackageProblem? Problem, bool StopReading) Extract(Stream input, string name, long? compressedBytes,
        int index, string workFolder, long totalSoFar, CancellationToken cancellationToken)
    {
        var target = TargetPath(workFolder, index, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A pooled buffer, and a file stream without one of its own (bufferSize 0: the chunks are written whole): the
        // fresh 80 KB buffer of every file (and the stream's) were a fifth of the byte arrays a non-OCR package allocated.
        // Read and written synchronously: local files answer from the page cache, and on Linux each awaited chunk of a
        // file stream is a hop through the thread pool (a 2 MB signature page, 50 of them).
        var buffer = ArrayPool<byte>.Shared.Rent(ExtractionBufferBytes);
        try
        {
            long bytes = 0;
            using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: false))
            {
                int read;
                while ((read = input.Read(buffer, 0, ExtractionBufferBytes)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    bytes += read;
                    if (bytes > _limits.MaxFileBytes)
                    {
                        return (null, new PackageProblem(name, $"extracts to more than {_limits.MaxFileBytes} bytes per file (Packages:MaxFileBytes)",
                            bytes, _limits.MaxFileBytes), false);
                    }

                    if (totalSoFar + bytes > _limits.MaxTotalBytes)
                    {
                        return (null, new PackageProblem(name, $"the package extracts to more than {_limits.MaxTotalBytes} bytes in all (Packages:MaxTotalBytes)",
                            totalSoFar + bytes, _limits.MaxTotalBytes), true);
                    }

                    if (compressedBytes is { } compressed && bytes > _limits.RatioFloorBytes
                        && bytes / (double)Math.Max(compressed, 1) > _limits.MaxCompressionRatio)
                    {
                        var ratio = Math.Round(bytes / (double)Math.Max(compressed, 1), 1);
                        return (null, new PackageProblem(name, $"compression ratio over {ratio}:1, above the limit of {_limits.MaxCompressionRatio}:1 (Packages:MaxCompressionRatio): a zip bomb?",
                            ratio, _limits.MaxCompressionRatio), true);
                    }

                    hash.AppendData(buffer, 0, read);
                    output.Write(buffer, 0, read);
                }
            }

            return (new ExtractedFile(name, target, Convert.ToHexStringLower(hash.GetHashAndReset()), bytes), null, false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Each file in a folder of its own, numbered: two entries of one name in different folders never meet.</summary>
    private static string TargetPath(string workFolder, int index, string name) =>
        Path.Combine(workFolder, index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), SafeFileName(name));

    private static string SafeFileName(string name)
    {
        var fileName = Path.GetFileName(name);
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            fileName = fileName.Replace(invalid, '_');
        }

        return fileName.Length == 0 ? "file" : fileName;
    }
}
