using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.EndToEnd;

/// <summary>Everything in a package but OCR, warm: the corpus replicated to 300 packages through the real
/// <c>caseingest ingest</c> one at a time with the OCR plugin switched off. The host logs each package's stages (read the
/// zip, store it, the files' roles, the plugins — two .docx, every check, classification, coverage —, the durable index
/// save, cleanup) and, apart, the page images it keeps for the case page (image work, like OCR). The non-OCR cost is the
/// sum of those stages; the gap between consecutive records' <c>processedAt</c> (everything the command does between
/// two packages, page images included) is kept beside it. The packages go in the corpus's round-robin order, and the
/// first third of them (every kind of package several times) warms up and is left out. Three rounds (one with --quick),
/// each a new process with its own index and store, pooled, each round's own figure in the notes: one process's p95 moved
/// between 15.6 and 23.2 ms in eleven runs of one build on this machine (its median between 10.7 and 14.7), so one round
/// said more of the run than of the code.</summary>
public sealed class NonOcrBench : IBenchPart
{
    private static readonly string[] s_plugins = ["FormFields", "StructureChecks", "Classification", "RubricCoverage"];

    public string Name => "nonocr";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var rounds = environment.Options.Quick ? 1 : 3;
        var runs = new List<RoundRun>();
        for (var round = 1; round <= rounds; round++)
        {
            runs.Add(await RunRoundAsync(environment, round, cancellationToken));
        }

        var timed = runs.SelectMany(r => r.Timed).ToList();
        var settings = string.Concat(environment.Options.WorkerSettings.Select(s => $", {s.Key}={s.Value}"));
        var byRound = string.Join("; ", runs.Select((r, i) =>
            $"round {i + 1}: {Pair(r.Timed.Select(t => t["package"]))}, {r.CpuSecondsPerPackage:0.000} CPU s a package (start-up included), load {r.Load}"));
        var rows = new List<ResultRow>
        {
            new("nonocr", "a package without OCR, warm: median / p95 ms", Pair(timed.Select(t => t["package"])), "< 20 ms at the 95th percentile",
                $"{timed.Count} packages one at a time ({rounds} × {runs[0].Timed.Count} after {runs[0].WarmUp} warm-up in a new process), pooled: " +
                $"the sum of the stages below (the host's timing line per package), page images apart; `ingest --parallelism 1`, OcrStamps off{settings}; {byRound}"),
        };
        rows.AddRange(PackageTimingLines.NonOcrStages.Select(stage =>
            new ResultRow("nonocr", $"… {stage}: median / p95 ms", Pair(timed.Select(t => t[stage])), "", StageNote(stage))));
        var pluginRuns = runs.SelectMany(r => r.PluginRuns).ToList();
        rows.AddRange(s_plugins.Select(plugin => new ResultRow("nonocr", $"… … {plugin}: median / p95 ms",
            Pair(pluginRuns.Where(p => p.Name == plugin).Select(p => p.ElapsedMs)), "", "the record's `plugins[].elapsedMs`")));
        rows.Add(new("nonocr", "… GC pauses within the package: median / p95 ms", Pair(timed.Select(t => t["gcPaused"])), "",
            "the runtime's collection pauses between the package's start and its save (GC.GetTotalPauseDuration), inside the stages above"));
        rows.Add(new("nonocr", "page images kept for the case page (apart, image work): median / p95 ms", Pair(timed.Select(t => t["pageImages"])), "",
            "signature pages and PDFs rendered by pdftoppm (JPEG/PNG copied), per package"));
        rows.Add(new("nonocr", "the gap between consecutive records, warm: median / p95 ms", Pair(runs.SelectMany(r => r.Gaps)), "",
            "everything between two packages' `processedAt`: the previous one's save and output, this one's stages and page images"));
        return rows;
    }

    /// <summary>One `ingest` process over the replicated corpus: its timed packages (the warm-up left out), their plugin
    /// runs and the gaps between their records.</summary>
    private static async Task<RoundRun> RunRoundAsync(BenchEnvironment environment, int round, CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder($"nonocr-{round}");
        var count = environment.Options.NonOcrPackages;
        // The packages are named one by one in the corpus's round-robin order: given their folder, `ingest` takes the
        // zips first and the folder packages after them, so the warm-up saw no folder package, and the timed two thirds
        // held all 150 of them (the corpus's mix gives 100 of 200) and the first, cold, folder read (about 60 ms).
        var packages = CorpusReplicator.Replicate(environment.CorpusPackages, Path.Combine(work, "packages"), count, "N");
        var recordsPath = Path.Combine(work, "records.jsonl");
        var cpuBefore = ChildProcess.EndedChildrenCpuSeconds();
        var run = await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", .. packages, "--out", recordsPath, "--index", Path.Combine(work, "index"), "--store", Path.Combine(work, "store"),
                "--parallelism", "1"],
            work, new Dictionary<string, string>(environment.Options.WorkerSettings)
            {
                ["Plugins__OcrStamps__Enabled"] = "false",
                [PackageTimingLines.Enable.Key] = PackageTimingLines.Enable.Value,
            },
            cancellationToken);
        var cpuPerPackage = (ChildProcess.EndedChildrenCpuSeconds() - cpuBefore) / count;

        var records = File.ReadLines(recordsPath).Where(l => l.Length > 0).Select(CaseRecordJson.Deserialize).ToList();
        var warmUp = records.Count / 3;
        var timed = PackageTimingLines.Parse(run.Error).Skip(warmUp).ToList();
        var pluginRuns = records.Skip(warmUp).SelectMany(r => r.Plugins).Where(p => p.Outcome == PluginOutcomes.Ok).ToList();
        var processed = records.Select(r => r.ProcessedAt).OfType<DateTimeOffset>().Order().ToList();
        var gaps = processed.Skip(warmUp).Zip(processed.Skip(warmUp + 1), (a, b) => (b - a).TotalMilliseconds).ToList();
        return new RoundRun(timed, pluginRuns, gaps, warmUp, cpuPerPackage, $"{load} → {MachineInfo.LoadAverage()}");
    }

    private static string StageNote(string stage) => stage switch
    {
        "read" => "the zip's entries extracted and hashed (a folder's files copied while hashed)",
        "store" => "the wait, after the plugins, for the package's copy into the package store (made beside the roles and the plugins)",
        "files" => "every file's role (a .docx opened for it), legacy formats converted",
        "plugins" => "FormFields, StructureChecks, Classification, RubricCoverage and the enrichers, with the host's record copies",
        "index" => "the record saved in the Lucene index, durable on return (its write-journal line flushed; the commit follows in the background)",
        "cleanup" => "the work folder deleted, freed native memory handed back",
        _ => "",
    };

    /// <summary>One round's figures: its timed packages' stages, their plugin runs, the gaps between their records.</summary>
    private sealed record RoundRun(
        IReadOnlyList<IReadOnlyDictionary<string, double>> Timed,
        IReadOnlyList<PluginRun> PluginRuns,
        IReadOnlyList<double> Gaps,
        int WarmUp,
        double CpuSecondsPerPackage,
        string Load);

    private static string Pair(IEnumerable<double> values)
    {
        var sample = values.ToList();
        return $"{F(Percentiles.Of(sample, 50))} / {F(Percentiles.Of(sample, 95))}";
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
