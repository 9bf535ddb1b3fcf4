using CaseIngest.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Tests.Pipeline;

/// <summary>Where a package's scratch files go. The "memory" root here is an ordinary temporary folder: the choice reads
/// only its free space, so the rules hold whatever file system is under it.</summary>
public sealed class WorkFoldersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ci-workfolders-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Create_WorkPathUnset_MemoryRootWithRoom_FolderUnderTheMemoryRoot_DeletedWithItsFilesOnDispose()
    {
        using var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 1024 * 1024 });

        string path;
        using (var work = folders.Create())
        {
            path = work.Path;
            Assert.True(work.InMemory);
            Assert.Equal(MemoryRoot, RootOf(path));
            Directory.CreateDirectory(Path.Combine(path, "files", "000"));
            File.WriteAllText(Path.Combine(path, "files", "000", "申报表.docx"), "x");
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Create_MemoryRootWithLessFreeThanAPackagesHeadroom_WorksOnDiskUnderTheTemporaryFolder()
    {
        using var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = long.MaxValue / 2 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "caseingest-work"), RootOf(work.Path));
    }

    [Fact]
    public void Create_RoomForOnePackage_ASecondAtTheSameTimeWorksOnDisk_TheRoomComesBackWhenTheFirstEnds()
    {
        Directory.CreateDirectory(MemoryRoot);
        var free = new DriveInfo(MemoryRoot).AvailableFreeSpace;
        // More than half the free space: one package's headroom fits, two do not; the margin of 40 % of the disk keeps
        // other writers on this file system from moving the answer.
        using var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = free / 10 * 6 });

        var first = folders.Create();
        using (var second = folders.Create())
        {
            Assert.True(first.InMemory);
            Assert.False(second.InMemory);
        }

        first.Dispose();
        using var third = folders.Create();
        Assert.True(third.InMemory);
    }

    [Fact]
    public void Create_WorkPathSet_AlwaysThere_TheMemoryRootUnused()
    {
        var workPath = Path.Combine(_root, "work");
        using var folders = Folders(new PipelineOptions { WorkPath = workPath, MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 0 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
        Assert.Equal(workPath, RootOf(work.Path));
        Assert.False(Directory.Exists(MemoryRoot));
    }

    [Fact]
    public void Create_MemoryRootThatCannotBeMade_WorksOnDisk()
    {
        Directory.CreateDirectory(_root);
        var aFile = Path.Combine(_root, "a-file");
        File.WriteAllText(aFile, "");
        using var folders = Folders(new PipelineOptions { MemoryWorkPath = Path.Combine(aFile, "work"), MemoryWorkHeadroomBytes = 0 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
    }

    [Fact]
    public void Create_FirstInARoot_RemovesTheFoldersOfProcessesThatEnded_KeepsALiveOnesAndForeignFolders()
    {
        var options = new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 0 };
        // Another process, alive: its folder's owner file is locked (a lock taken through another open file conflicts
        // in this process as in another).
        using var live = Folders(options);
        using var liveWork = live.Create();
        var liveProcessFolder = Path.GetDirectoryName(liveWork.Path)!;
        Directory.CreateDirectory(liveWork.Path);
        File.WriteAllText(Path.Combine(liveWork.Path, "申报表.docx"), "");
        // A process killed mid-package: its owner file is there, locked by no one, a package's files beside it.
        var ended = Path.Combine(MemoryRoot, "p99999-ended");
        Directory.CreateDirectory(Path.Combine(ended, "0123", "files"));
        File.WriteAllText(Path.Combine(ended, ".owner"), "");
        File.WriteAllText(Path.Combine(ended, "0123", "files", "盖章页.png"), "x");
        // Not a process's folder (no owner file): someone else's.
        var foreign = Path.Combine(MemoryRoot, "0123456789abcdef");
        Directory.CreateDirectory(foreign);

        using var folders = Folders(options);
        using var work = folders.Create();

        Assert.False(Directory.Exists(ended));
        Assert.True(Directory.Exists(liveProcessFolder));
        Assert.True(Directory.Exists(foreign));
        Assert.NotEqual(liveProcessFolder, Path.GetDirectoryName(work.Path));
    }

    [Fact]
    public void Dispose_RemovesTheProcessFolder_TheRootIsLeftEmpty()
    {
        var options = new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 0 };
        string processFolder;
        using (var folders = Folders(options))
        {
            using var work = folders.Create();
            processFolder = Path.GetDirectoryName(work.Path)!;
            Assert.True(File.Exists(Path.Combine(processFolder, ".owner")));
        }

        Assert.False(Directory.Exists(processFolder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(MemoryRoot));
    }

    private string MemoryRoot => Path.Combine(_root, "memory");

    // A package's folder sits in its process's folder under the root.
    private static string RootOf(string packageFolder) => Path.GetDirectoryName(Path.GetDirectoryName(packageFolder))!;

    private static WorkFolders Folders(PipelineOptions options) => new(Options.Create(options), NullLogger<WorkFolders>.Instance);
}
