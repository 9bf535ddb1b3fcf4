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
/// Each process keeps its packages' folders in a folder of its own, locked while it lives (<c>.owner</c>, an advisory
/// lock the kernel drops when the process ends however it ends): the first package in a root removes the folders of
/// processes that ended without cleaning up — in memory they would hold RAM until the machine restarts.
/// </summary>
public sealed class WorkFolders : IDisposable
{
    private const string OwnerFile = ".owner";

    private readonly PipelineOptions _options;
    private readonly ILogger<WorkFolders> _logger;
    private readonly string _diskRoot;
    private readonly string? _memoryRoot;
    private readonly Lock _reserving = new();
    private readonly Lock _claiming = new();
    private readonly Dictionary<string, (string Folder, FileStream Owner)> _claimed = new(StringComparer.Ordinal);
    private long _reserved;
    private int _announced;
    private volatile bool _memoryUnusable;

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
        if (MemoryProcessFolder() is { } memoryFolder && TryReserveMemory() is { } free)
        {
            Announce(_memoryRoot!, free);
            return new WorkFolder(this, Path.Combine(memoryFolder, name), inMemory: true);
        }

        Announce(_diskRoot, free: null);
        return new WorkFolder(this, Path.Combine(ProcessFolderIn(_diskRoot), name), inMemory: false);
    }

    /// <summary>Ends the process's claim on its folders and removes them (the packages' own are gone already).</summary>
    public void Dispose()
    {
        lock (_claiming)
        {
            foreach (var (folder, owner) in _claimed.Values)
            {
                owner.Dispose();
                _ = Delete(folder);
            }

            _claimed.Clear();
        }
    }

    /// <summary>This process's folder under <paramref name="root"/>: made, locked and the abandoned ones beside it
    /// removed the first time.</summary>
    private string ProcessFolderIn(string root)
    {
        lock (_claiming)
        {
            if (_claimed.TryGetValue(root, out var claimed))
            {
                return claimed.Folder;
            }

            Directory.CreateDirectory(root);
            RemoveAbandoned(root);
            var folder = Path.Combine(root, $"p{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            // Locked under another name first, then renamed (the lock goes with the file): another process's sweep never
            // meets an owner file not yet locked.
            var locking = Path.Combine(folder, OwnerFile + ".new");
            var owner = new FileStream(locking, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            File.Move(locking, Path.Combine(folder, OwnerFile));
            _claimed[root] = (folder, owner);
            return folder;
        }
    }

    /// <summary>Removes the process folders under <paramref name="root"/> whose owner file no process holds locked.
    /// Folders without one (not a process's: an older version's package folder, another program's) are left alone.</summary>
    private void RemoveAbandoned(string root)
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner))
            {
                continue;
            }

            try
            {
                using (new FileStream(owner, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    // Lockable: the process that held it has ended.
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            removed += Delete(folder) ? 1 : 0;
        }

        if (removed > 0)
        {
            _logger.AbandonedRemoved(removed, root);
        }
    }

    /// <summary>This process's folder in the memory root; null when there is no memory root or it cannot be made (no
    /// /dev/shm, as on macOS, or not ours to write) — said once, and not tried again.</summary>
    private string? MemoryProcessFolder()
    {
        if (_memoryRoot is null || _memoryUnusable)
        {
            return null;
        }

        try
        {
            return ProcessFolderIn(_memoryRoot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _memoryUnusable = true;
            _logger.LogWarning(ex, "Work folders cannot be made under {WorkRoot}; packages work on disk", _memoryRoot);
            return null;
        }
    }

    /// <summary>The memory root's free bytes when a package's headroom fits there beside the packages under way (and
    /// is then reserved for it), else null.</summary>
    private long? TryReserveMemory()
    {
        long free;
        try
        {
            free = new DriveInfo(_memoryRoot!).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The root removed under the process (a cleaner of /dev/shm): this package works on disk.
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

    private void ReleaseMemory()
    {
        lock (_reserving)
        {
            _reserved -= _options.MemoryWorkHeadroomBytes;
        }
    }

    /// <returns>False when the folder is still there.</returns>
    private bool Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Work folder {Folder} could not be deleted", folder);
            return false;
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
        private int _disposed;

        internal WorkFolder(WorkFolders owner, string path, bool inMemory)
        {
            _owner = owner;
            Path = path;
            InMemory = inMemory;
        }

        public string Path { get; }

        /// <summary>True when the folder is in the memory-backed root (and holds its headroom there).</summary>
        public bool InMemory { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _ = _owner.Delete(Path);
            if (InMemory)
            {
                _owner.ReleaseMemory();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} work folders under {WorkRoot} left by processes that ended")]
    public static partial void AbandonedRemoved(this ILogger logger, int count, string workRoot);
}
