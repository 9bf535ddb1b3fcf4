namespace CaseIngest.Bench.Running;

/// <summary>Where things are: the repository, the executables under measurement, a scratch folder for this run.</summary>
public sealed class BenchEnvironment
{
    private BenchEnvironment(string repoRoot, BenchOptions options, DirectoryInfo work)
    {
        RepoRoot = repoRoot;
        Options = options;
        Work = work;
    }

    public string RepoRoot { get; }

    public BenchOptions Options { get; }

    /// <summary>A scratch folder under /tmp, readable by others (the broker runs as user rabbitmq); removed at the end.</summary>
    public DirectoryInfo Work { get; }

    public string CorpusPackages => Path.Combine(RepoRoot, "tests", "corpus", "packages");

    /// <summary>The real <c>caseingest</c> executable of the chosen configuration.</summary>
    public string HostExecutable => Path.Combine(RepoRoot, "src", "Host", "bin", Options.Configuration, "net10.0", "caseingest");

    /// <summary>The OCR engineer's bench (plugin against bare engine), run as its own process.</summary>
    public string OcrBenchAssembly => Path.Combine(RepoRoot, "bench", "OcrBench", "bin", Options.Configuration, "net10.0", "OcrBench.dll");

    public string LargeIndexPath => Options.LargeIndexPath is { } path ? Path.GetFullPath(path) : Path.Combine(RepoRoot, "data", "bench-index-100k");

    public string MarkdownPath => Options.MarkdownPath is { } path ? Path.GetFullPath(path) : Path.Combine(RepoRoot, "bench", "results", "latest.md");

    public string NewWorkFolder(string name) => Directory.CreateDirectory(Path.Combine(Work.FullName, name)).FullName;

    public static BenchEnvironment Create(BenchOptions options)
    {
        var work = Directory.CreateTempSubdirectory("caseingest-bench-");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The bench runs on Linux (it reads /proc and starts rabbitmq-server).");
        }

        File.SetUnixFileMode(work.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return new BenchEnvironment(FindRepoRoot(), options, work);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseIngest.sln not found above " + AppContext.BaseDirectory);
    }
}
