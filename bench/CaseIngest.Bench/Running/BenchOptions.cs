using System.Globalization;

namespace CaseIngest.Bench.Running;

/// <summary>What to run and how big, from the command line.</summary>
public sealed class BenchOptions
{
    /// <summary>The parts, in the order they run.</summary>
    public static IReadOnlyList<string> AllParts { get; } = ["e2e", "nonocr", "formats", "ocr", "worker", "memory", "search", "edition"];

    /// <summary>Parts run only when named in <c>--only</c> (by hand: they take long or break things on purpose).</summary>
    public static IReadOnlyList<string> ByHandParts { get; } = ["chaos"];

    public required IReadOnlySet<string> Parts { get; init; }

    /// <summary>Smaller inputs everywhere: a smoke run of the whole command in a few minutes.</summary>
    public bool Quick { get; init; }

    /// <summary>The build configuration whose executables are measured (Release from scripts/bench.sh).</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Where the markdown table goes (bench/results/ is gitignored).</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>The 100,000-case index, built once and reused (data/ is gitignored).</summary>
    public string? LargeIndexPath { get; init; }

    /// <summary>Packages in the end-to-end run (the corpus replicated with new submission ids).</summary>
    public int Packages => Quick ? 20 : 100;

    /// <summary>Packages through the non-OCR run: the first third warms the process up (the JIT's tiers, the index's
    /// readers) and is left out of the figures, so "warm" means what a worker is after its first hour, not after 14 packages.</summary>
    public int NonOcrPackages => Quick ? 20 : 300;

    /// <summary>Packages through the one worker whose memory is watched (the issue asks for 500, not 28).</summary>
    public int MemoryPackages => Quick ? 40 : 500;

    /// <summary>Settings given to every worker process (<c>--worker-setting KEY=VALUE</c>, environment-variable style, e.g.
    /// <c>RabbitMq__Concurrency=1</c>): the same run with other settings, for a before/after on one machine.</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Synthetic case counts for the search latency runs.</summary>
    public IReadOnlyList<int> SearchSizes => Quick ? [2_000] : [10_000, 100_000];

    /// <summary>Queries timed per index size.</summary>
    public int SearchQueries => Quick ? 200 : 2_000;

    /// <summary>Packages through the chaos run (<c>--chaos-packages</c>; 300 by default, 60 with --quick).</summary>
    public int? ChaosPackagesOverride { get; init; }

    public int ChaosPackages => ChaosPackagesOverride ?? (Quick ? 60 : 300);

    /// <summary>How long the chaos run waits for the last submissions after the broker restart.</summary>
    public TimeSpan ChaosDrainTimeout { get; } = TimeSpan.FromMinutes(90);

    public const string Usage = """
        Usage: CaseIngest.Bench [--only e2e,ocr,worker,search] [--quick] [--configuration Release|Debug]
                                [--markdown PATH] [--large-index PATH]
          e2e     packages per minute through `caseingest ingest` on the corpus replicated to 100; per-plugin median/p95
          nonocr  a package without OCR, warm, one at a time through `caseingest ingest`: median / p95 ms of the whole
                  and of each stage (read, store, files, plugins, index, cleanup; page images apart)
          formats LibreOffice conversion per .doc package and form OCR per scanned form, through `caseingest ingest`
          ocr     per engine, the plugin's pages per minute against the bare engine (bench/OcrBench speed)
          worker  `caseingest ingest`, then 1 and 2 `caseingest worker` processes on a local RabbitMQ, on the same packages:
                  packages / messages per minute and the workers' ratio to ingest
          memory  one `caseingest worker` through 500 packages: its peak resident memory (VmHWM) at checkpoints
          search  median / p99 latency over 10,000 and 100,000 synthetic cases (Lucene, highlights and facets)
          chaos   by hand only: N packages through 2 workers while one is SIGKILLed 3 times and the broker restarted
                  once; checks every submission indexed once, decisions kept, empty folders rejected
          --worker-setting KEY=VALUE   a setting for every worker process and the nonocr run (repeatable), e.g.
                               RabbitMq__Concurrency=1
          --chaos-packages N   packages through the chaos run (default 300, 60 with --quick)
          --quick smaller inputs (20 packages, 14 messages, 2,000 cases) for a smoke run
        """;

    /// <summary>Parses the arguments; null (with the reason written to <paramref name="error"/>) when they are wrong.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var parts = new HashSet<string>(AllParts, StringComparer.OrdinalIgnoreCase);
        var (quick, configuration, markdown, largeIndex) = (false, "Release", (string?)null, (string?)null);
        int? chaosPackages = null;
        var workerSettings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--only":
                    var list = Value()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                    var unknown = list.Where(p => !AllParts.Concat(ByHandParts).Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (list.Length == 0 || unknown.Count > 0)
                    {
                        error.WriteLine($"--only expects some of {string.Join(',', AllParts)}; got '{string.Join(',', unknown)}'.");
                        return null;
                    }

                    parts = new HashSet<string>(list, StringComparer.OrdinalIgnoreCase);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--chaos-packages":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 10)
                    {
                        error.WriteLine("--chaos-packages expects a number of at least 10.");
                        return null;
                    }

                    chaosPackages = n;
                    break;
                case "--worker-setting":
                    var setting = Value()?.Split('=', 2);
                    if (setting is not [{ Length: > 0 } key, var value])
                    {
                        error.WriteLine("--worker-setting expects KEY=VALUE, e.g. RabbitMq__Concurrency=1.");
                        return null;
                    }

                    workerSettings[key] = value;
                    break;
                case "--configuration":
                    configuration = Value() ?? configuration;
                    break;
                case "--markdown":
                    markdown = Value();
                    break;
                case "--large-index":
                    largeIndex = Value();
                    break;
                case "-h" or "--help":
                    error.WriteLine(Usage);
                    return null;
                default:
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unknown argument '{args[i]}'.\n{Usage}"));
                    return null;
            }
        }

        return new BenchOptions
        {
            Parts = parts, Quick = quick, Configuration = configuration, MarkdownPath = markdown, LargeIndexPath = largeIndex,
            ChaosPackagesOverride = chaosPackages, WorkerSettings = workerSettings,
        };
    }
}
