using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Tests.Packages;

public sealed class PackageReaderTests : IDisposable
{
    private readonly TestHostFolder _host = new();

    public void Dispose() => _host.Dispose();

    private Task<ReadPackage> ReadAsync(string package, PackageLimits? limits = null) =>
        new PackageReader(Options.Create(limits ?? new PackageLimits()))
            .ReadAsync(package, Path.Combine(_host.Root, "work", Guid.NewGuid().ToString("N")), CancellationToken.None);

    private string Zip(string name, Action<ZipArchive> fill, Encoding? encoding = null) =>
        TestZips.Create(Path.Combine(_host.Root, name), fill, encoding);

    [Fact]
    public async Task ReadAsync_TraversalEntry_IsRefusedByNameAndTheRestIsRead()
    {
        var zip = Zip("traversal.zip", a =>
        {
            TestZips.Add(a, "../../evil.txt", "x");
            TestZips.Add(a, "ok.txt", "fine");
        });

        var package = await ReadAsync(zip);

        var problem = Assert.Single(package.Problems);
        Assert.Equal("../../evil.txt", problem.Entry);
        Assert.Contains("leaves the package", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["ok.txt"], package.Files.Select(f => f.Name));
        Assert.False(File.Exists(Path.Combine(_host.Root, "evil.txt")));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    public async Task ReadAsync_AbsolutePathEntry_IsRefused(string entryName)
    {
        var zip = Zip("absolute.zip", a => TestZips.Add(a, entryName, "x"));

        var problem = Assert.Single((await ReadAsync(zip)).Problems);

        Assert.Equal(entryName, problem.Entry);
        Assert.Contains("absolute path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SymlinkEntry_IsRefused()
    {
        var zip = Zip("symlink.zip", a =>
        {
            var link = TestZips.Add(a, "link", "/etc/passwd");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
            TestZips.Add(a, "ok.txt", "fine");
        });

        var package = await ReadAsync(zip);

        var problem = Assert.Single(package.Problems);
        Assert.Equal("link", problem.Entry);
        Assert.Contains("symbolic link", problem.Message, StringComparison.Ordinal);
        Assert.Single(package.Files);
    }

    [Fact]
    public async Task ReadAsync_ZipBombEntry_IsStoppedAtTheCompressionRatioMeasuredWhileExtracting()
    {
        var zip = Zip("bomb.zip", a => TestZips.Add(a, "zeros.bin", new byte[4 * 1024 * 1024], CompressionLevel.SmallestSize));

        var package = await ReadAsync(zip, new PackageLimits { MaxCompressionRatio = 50, RatioFloorBytes = 256 * 1024 });

        var problem = Assert.Single(package.Problems);
        Assert.Equal("zeros.bin", problem.Entry);
        Assert.Contains("compression ratio", problem.Message, StringComparison.Ordinal);
        Assert.Equal(50, problem.Limit);
        Assert.Empty(package.Files);
    }

    [Fact]
    public async Task ReadAsync_TotalOverTheLimit_IsStoppedNamingTheLimit()
    {
        var zip = Zip("total.zip", a =>
        {
            for (var i = 0; i < 3; i++)
            {
                TestZips.Add(a, $"part{i}.bin", Encoding.ASCII.GetBytes(new string((char)('a' + i), 600_000)), CompressionLevel.NoCompression);
            }
        });

        var package = await ReadAsync(zip, new PackageLimits { MaxTotalBytes = 1_000_000 });

        var problem = Assert.Single(package.Problems);
        Assert.Equal("part1.bin", problem.Entry);
        Assert.Contains("Packages:MaxTotalBytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OversizedFile_IsRefusedNamingTheLimit()
    {
        var zip = Zip("big.zip", a => TestZips.Add(a, "big.bin", new byte[300_000], CompressionLevel.NoCompression));

        var problem = Assert.Single((await ReadAsync(zip, new PackageLimits { MaxFileBytes = 100_000 })).Problems);

        Assert.Equal("big.bin", problem.Entry);
        Assert.Contains("Packages:MaxFileBytes", problem.Message, StringComparison.Ordinal);
        Assert.Equal(100_000, problem.Limit);
    }

    [Fact]
    public async Task ReadAsync_TooManyEntries_IsRefused()
    {
        var zip = Zip("many.zip", a =>
        {
            for (var i = 0; i < 12; i++)
            {
                TestZips.Add(a, $"f{i}.txt", "x");
            }
        });

        var problem = Assert.Single((await ReadAsync(zip, new PackageLimits { MaxEntries = 10 })).Problems);

        Assert.Contains("12 entries", problem.Message, StringComparison.Ordinal);
        Assert.Equal(10, problem.Limit);
    }

    [Fact]
    public async Task ReadAsync_GbkNamesWithoutTheUtf8Flag_AreDecoded()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var zip = Zip("gbk.zip", a =>
        {
            TestZips.Add(a, "材料/附件1-申报表（某公司）.docx", "x");
            TestZips.Add(a, "材料/盖章页扫描件.jpg", "y");
        }, gbk);
        var bytes = await File.ReadAllBytesAsync(zip);
        Assert.True(bytes.AsSpan().IndexOf(gbk.GetBytes("盖章页扫描件")) >= 0, "the test zip must hold GBK bytes");
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)) & (1 << 11)); // no UTF-8 flag

        var package = await ReadAsync(zip);

        Assert.Empty(package.Problems);
        Assert.Equal(["盖章页扫描件.jpg", "附件1-申报表（某公司）.docx"], package.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Utf8NamesWithTheFlag_AreDecoded()
    {
        var zip = Zip("utf8.zip", a => TestZips.Add(a, "案例材料.docx", "x"));

        Assert.Equal("案例材料.docx", Assert.Single((await ReadAsync(zip)).Files).Name);
    }

    [Fact]
    public async Task ReadAsync_EmptyZip_SaysSo()
    {
        var zip = Zip("empty.zip", _ => { });

        var problem = Assert.Single((await ReadAsync(zip)).Problems);

        Assert.Null(problem.Entry);
        Assert.Contains("holds no files", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotAZip_SaysSo()
    {
        var path = Path.Combine(_host.Root, "not-a.zip");
        await File.WriteAllTextAsync(path, "this is plain text, not a zip");

        var package = await ReadAsync(path);

        Assert.Contains("not a readable zip", Assert.Single(package.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(package.Files);
    }

    [Fact]
    public async Task ReadAsync_TruncatedZip_SaysSoWithoutThrowing()
    {
        var truncated = Path.Combine(_host.Root, "truncated.zip");
        File.Copy(Path.Combine(TestPaths.RealWorld, "A31_neg_truncated-zip.docx"), truncated);

        var package = await ReadAsync(truncated);

        Assert.NotEmpty(package.Problems);
    }

    [Fact]
    public async Task ReadAsync_EntryCountNotMatchingTheCentralDirectory_SaysSoWithoutThrowing()
    {
        // Found by bench/CaseIngest.Fuzz: the end-of-central-directory record counts more entries than there are, which
        // ZipArchive only notices when its entries are first listed.
        var zip = Zip("miscounted.zip", a =>
        {
            TestZips.Add(a, "a.txt", "one");
            TestZips.Add(a, "b.txt", "two");
        });
        var bytes = await File.ReadAllBytesAsync(zip);
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), 3);
        await File.WriteAllBytesAsync(zip, bytes);

        var package = await ReadAsync(zip);

        Assert.Contains("not a readable zip", Assert.Single(package.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(package.Files);
    }

    [Fact]
    public async Task ReadAsync_EmptyFolder_IsReadWithoutProblemsAndWithoutFiles()
    {
        // Not unreadable: the pipeline says what is missing (missing_document, rejected).
        var folder = Directory.CreateDirectory(Path.Combine(_host.Root, "D99")).FullName;

        var package = await ReadAsync(folder);

        Assert.Empty(package.Problems);
        Assert.Empty(package.Files);
    }

    [Theory]
    [InlineData("D03")]
    [InlineData("D05")]
    [InlineData("D12")]
    [InlineData("D02")]
    public async Task ReadAsync_CorpusZip_NamesEqualTheExpectedFiles(string id)
    {
        var package = await ReadAsync(TestPaths.CorpusPackage(id));

        Assert.Empty(package.Problems);
        var expected = CorpusSample.Load(id).Files;
        Assert.Subset(package.Files.Select(f => f.Name).ToHashSet(), expected.Values.ToHashSet());
    }

    [Fact]
    public async Task ReadAsync_Folder_EveryFileCopiedIntoTheWorkFolderWithItsHashAndSize()
    {
        var folder = _host.NewFolder("D98");
        var page = new byte[3_000_000];
        new Random(7).NextBytes(page);
        await File.WriteAllBytesAsync(Path.Combine(folder, "盖章页.png"), page);
        Directory.CreateDirectory(Path.Combine(folder, "附件"));
        await File.WriteAllTextAsync(Path.Combine(folder, "附件", "说明.txt"), "说明");

        var package = await ReadAsync(folder);

        Assert.Empty(package.Problems);
        Assert.Equal(["盖章页.png", "附件/说明.txt"], package.Files.Select(f => f.Name));
        foreach (var file in package.Files)
        {
            var source = await File.ReadAllBytesAsync(Path.Combine(folder, file.Name));
            Assert.Equal(source, await File.ReadAllBytesAsync(file.Path));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(source)), file.Sha256);
            Assert.Equal(source.Length, file.Bytes);
            Assert.StartsWith(_host.Root, file.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadAsync_FolderWithAnOversizedFile_RefusesItByNameAndReadsTheRest()
    {
        var folder = _host.NewFolder("D97");
        await File.WriteAllBytesAsync(Path.Combine(folder, "big.bin"), new byte[300_000]);
        await File.WriteAllTextAsync(Path.Combine(folder, "ok.txt"), "fine");

        var package = await ReadAsync(folder, new PackageLimits { MaxFileBytes = 100_000 });

        var problem = Assert.Single(package.Problems);
        Assert.Equal("big.bin", problem.Entry);
        Assert.Contains("Packages:MaxFileBytes", problem.Message, StringComparison.Ordinal);
        Assert.Equal(300_000, problem.Measured);
        Assert.Equal(["ok.txt"], package.Files.Select(f => f.Name));
    }

    [Fact]
    public async Task ReadAsync_FolderOverTheTotalLimit_StopsAtTheFileThatPassesIt()
    {
        var folder = _host.NewFolder("D96");
        await File.WriteAllBytesAsync(Path.Combine(folder, "a.bin"), new byte[600_000]);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b.bin"), new byte[600_000]);
        await File.WriteAllBytesAsync(Path.Combine(folder, "c.bin"), new byte[10]);

        var package = await ReadAsync(folder, new PackageLimits { MaxTotalBytes = 1_000_000 });

        var problem = Assert.Single(package.Problems);
        Assert.Equal("b.bin", problem.Entry);
        Assert.Contains("Packages:MaxTotalBytes", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["a.bin"], package.Files.Select(f => f.Name));
    }

    [Fact]
    public async Task ReadAsync_FolderWithASymlink_RefusesTheLink()
    {
        var folder = _host.NewFolder("linked");
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "a");
        File.CreateSymbolicLink(Path.Combine(folder, "passwd"), "/etc/passwd");

        var package = await ReadAsync(folder);

        Assert.Equal("passwd", Assert.Single(package.Problems).Entry);
        Assert.Equal(["a.txt"], package.Files.Select(f => f.Name));
    }

    [Fact]
    public async Task ReadAsync_PathThatDoesNotExist_SaysSo()
    {
        var package = await ReadAsync(Path.Combine(_host.Root, "P404.zip"));

        Assert.Equal("P404", package.Name);
        Assert.Contains("cannot be read", Assert.Single(package.Problems).Message, StringComparison.Ordinal);
    }
}
