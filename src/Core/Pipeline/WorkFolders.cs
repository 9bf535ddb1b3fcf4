using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Pipeline;

/// <summary>
/// A package's work folder: where its files are extracted, converted and rendered while it is processed, deleted after.
/// In memory (tmpfs, <see cref="PipelineOptions.MemoryWorkPath"/>) while there is room, else on disk. Scratch files need
/// no disk: on a file system they cost journal or inode work to make and to delete — on ext4 without a journal the
/// kernel scans past every inode deleted in the last minutes on each new file, so one package's cleanup slows the next
/// packages' files (docs/BENCHMARKS.md, issue #20) — and they would be written back if a package outlasted the
/// kernel's dirty-page expiry.
/// </summary>
public sealed class WorkFolders
{
    private readonly PipelineOptions _options;
    private readonly ILogger<WorkFolders> _logger;
    private readonly string _diskRoot;
    private readonly string? _memoryRoot;
    private readonly Lock _reserving = new();
    private long _reserved;
    private int _announced;

    public WorkFolders(IOptions<PipelineOptions> options, ILogger<WorkFolders> logger)
    {
        _options = options.Value;
        _logger = logger;
        _diskRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(_options.WorkPath)
            ? Path.Combine(Path.GetTempPath(), "caseingest-work")
            : _options.WorkPath);
        _memoryRoot = string.IsNullOrWhiteSpace(_options.WorkPath) && !string.IsNullOrWhiteSpace(_options.MemoryWorkPath)
            ? Path.GetFullPath(_options.MemoryWorkPath)
            : null;
    }

    /// <summary>A new, empty folder for one package; disposing it deletes it.</summary>
    public WorkFolder Create()
    {
        var name = Guid.NewGuid().ToString("N");
        if (TryReserveMemory() is { } free)
        {
            Announce(_memoryRoot!, free);
            return new WorkFolder(this, Path.Combine(_memoryRoot!, name), inMemory: true, _options.MemoryWorkHeadroomBytes);
        }

        Announce(_diskRoot, free: null);
        return new WorkFolder(this, Path.Combine(_diskRoot, name), inMemory: false, reservedBytes: 0);
    }

    /// <summary>The memory root's free bytes when a package's headroom fits there beside the packages under way (and
    /// is then reserved for it), else null.</summary>
    private long? TryReserveMemory()
    {
        if (_memoryRoot is null)
        {
            return null;
        }

        long free;
        try
        {
            Directory.CreateDirectory(_memoryRoot);
            free = new DriveInfo(_memoryRoot).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No /dev/shm (macOS, a sandbox), or not ours to write: the disk it is.
            return null;
        }

        lock (_reserving)
        {
            if (free - _reserved < _options.MemoryWorkHeadroomBytes)
            {
                return null;
            }

            _reserved += _options.MemoryWorkHeadroomBytes;
            return free;
        }
    }

    private void Release(long bytes)
    {
        lock (_reserving)
        {
            _reserved -= bytes;
        }
    }

    private void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Work folder {Folder} could not be deleted", folder);
        }
    }

    // Once per process and kind, so an operator sees where packages are extracted without a line per package.
    private void Announce(string root, long? free)
    {
        var flag = free is null ? 1 : 2;
        if ((Interlocked.Or(ref _announced, flag) & flag) != 0)
        {
            return;
        }

        if (free is { } bytes)
        {
            _logger.WorkInMemory(root, bytes / (1024 * 1024));
        }
        else
        {
            _logger.WorkOnDisk(root);
        }
    }

    /// <summary>One package's work folder (made by the reader that fills it); disposing deletes it and gives back its
    /// room in memory.</summary>
    public sealed class WorkFolder : IDisposable
    {
        private readonly WorkFolders _owner;
        private long _reservedBytes;

        internal WorkFolder(WorkFolders owner, string path, bool inMemory, long reservedBytes)
        {
            _owner = owner;
            Path = path;
            InMemory = inMemory;
            _reservedBytes = reservedBytes;
        }

        public string Path { get; }

        /// <summary>True when the folder is in the memory-backed root.</summary>
        public bool InMemory { get; }

        public void Dispose()
        {
            _owner.Delete(Path);
            var reserved = Interlocked.Exchange(ref _reservedBytes, 0);
            if (reserved > 0)
            {
                _owner.Release(reserved);
            }
        }
    }
}

internal static partial class WorkFoldersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Packages are extracted in memory under {WorkRoot} ({FreeMiB} MiB free there)")]
    public static partial void WorkInMemory(this ILogger logger, string workRoot, long freeMiB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Packages are extracted on disk under {WorkRoot}")]
    public static partial void WorkOnDisk(this ILogger logger, string workRoot);
}
