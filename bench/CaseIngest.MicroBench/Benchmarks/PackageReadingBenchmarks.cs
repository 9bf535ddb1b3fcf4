using BenchmarkDotNet.Attributes;
using CaseIngest.Core.Packages;
using CaseIngest.MicroBench.Fixtures;

namespace CaseIngest.MicroBench.Benchmarks;

/// <summary>Reading a package as the pipeline does: extract (zip) or list (folder), hash, and detect each file's role.</summary>
[MemoryDiagnoser]
public class PackageReadingBenchmarks
{
    private readonly PackageReader _reader = CorpusPackage.NewReader();
    private readonly FileRoleDetector _roles = new();
    private DirectoryInfo _work = null!;

    /// <summary>D01: a folder; D02: a zip (PDF scan); D03: the largest zip (2 MB).</summary>
    [Params("D01", "D02", "D03")]
    public string Package { get; set; } = "D01";

    [GlobalSetup]
    public void Setup() => _work = Directory.CreateTempSubdirectory("microbench-read-");

    [GlobalCleanup]
    public void Cleanup() => _work.Delete(recursive: true);

    [Benchmark]
    public async Task<int> ReadAndDetectRoles()
    {
        var folder = Path.Combine(_work.FullName, Guid.NewGuid().ToString("N"));
        var package = await _reader.ReadAsync(CorpusPackage.PathOf(Package), folder, CancellationToken.None);
        var roles = package.Files.Select(f => _roles.Detect(f.Name, f.Path)).Count();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return roles;
    }
}
