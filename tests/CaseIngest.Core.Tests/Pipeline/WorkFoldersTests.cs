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
        var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 1024 * 1024 });

        string path;
        using (var work = folders.Create())
        {
            path = work.Path;
            Assert.True(work.InMemory);
            Assert.Equal(MemoryRoot, Path.GetDirectoryName(path));
            Directory.CreateDirectory(Path.Combine(path, "files", "000"));
            File.WriteAllText(Path.Combine(path, "files", "000", "申报表.docx"), "x");
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Create_MemoryRootWithLessFreeThanAPackagesHeadroom_WorksOnDiskUnderTheTemporaryFolder()
    {
        var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = long.MaxValue / 2 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "caseingest-work"), Path.GetDirectoryName(work.Path));
    }

    [Fact]
    public void Create_RoomForOnePackage_ASecondAtTheSameTimeWorksOnDisk_TheRoomComesBackWhenTheFirstEnds()
    {
        Directory.CreateDirectory(MemoryRoot);
        var free = new DriveInfo(MemoryRoot).AvailableFreeSpace;
        // More than half the free space: one package's headroom fits, two do not; the margin of 40 % of the disk keeps
        // other writers on this file system from moving the answer.
        var folders = Folders(new PipelineOptions { MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = free / 10 * 6 });

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
        var folders = Folders(new PipelineOptions { WorkPath = workPath, MemoryWorkPath = MemoryRoot, MemoryWorkHeadroomBytes = 0 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
        Assert.Equal(workPath, Path.GetDirectoryName(work.Path));
        Assert.False(Directory.Exists(MemoryRoot));
    }

    [Fact]
    public void Create_MemoryRootThatCannotBeMade_WorksOnDisk()
    {
        Directory.CreateDirectory(_root);
        var aFile = Path.Combine(_root, "a-file");
        File.WriteAllText(aFile, "");
        var folders = Folders(new PipelineOptions { MemoryWorkPath = Path.Combine(aFile, "work"), MemoryWorkHeadroomBytes = 0 });

        using var work = folders.Create();

        Assert.False(work.InMemory);
    }

    private string MemoryRoot => Path.Combine(_root, "memory");

    private static WorkFolders Folders(PipelineOptions options) => new(Options.Create(options), NullLogger<WorkFolders>.Instance);
}
