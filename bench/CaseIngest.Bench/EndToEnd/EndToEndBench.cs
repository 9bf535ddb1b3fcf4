using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.EndToEnd;

/// <summary>The corpus replicated to N packages with new ids, through the real <c>caseingest ingest</c> on its embedded
/// defaults (appsettings.json beside the executable, every plugin, the Lucene index): packages per minute, and each
/// plugin's median and 95th percentile from the records' <c>plugins</c> section.</summary>
public sealed partial class EndToEndBench : IBenchPart
{
    private static readonly string[] s_lightPlugins = ["FormFields", "StructureChecks", "Classification"];

    public string Name => "e2e";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var work = environment.NewWorkFolder("e2e");
        var count = environment.Options.Packages;
        CorpusReplicator.Replicate(environment.CorpusPackages, Path.Combine(work, "packages"), count, "E2E");
        var recordsPath = Path.Combine(work, "records.jsonl");
        var run = await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", Path.Combine(work, "packages"), "--out", recordsPath, "--index", Path.Combine(work, "index"), "--store", Path.Combine(work, "store")],
            work, environment: null, cancellationToken);

        var records = File.ReadLines(recordsPath).Where(l => l.Length > 0).Select(CaseRecordJson.Deserialize).ToList();
        var pipelinePerMinute = SummaryRate(run.Output);
        var note = $"{records.Count} packages (the 14 corpus packages round-robin, new ids), `caseingest ingest`, embedded defaults";
        var rows = new List<ResultRow>
        {
            new("e2e", "packages per minute (pipeline + index, after start-up)", F(pipelinePerMinute, "0.0"), "", note + "; the command's own summary"),
            new("e2e", "packages per minute (whole command, start-up included)", F(records.Count / run.Elapsed.TotalMinutes, "0.0"), "",
                $"wall {run.Elapsed.TotalSeconds:0.0} s"),
        };

        var runs = records.SelectMany(r => r.Plugins).ToList();
        foreach (var plugin in runs.Select(p => p.Name).Distinct().Order(StringComparer.Ordinal))
        {
            var ok = runs.Where(p => p.Name == plugin && p.Outcome == PluginOutcomes.Ok).Select(p => p.ElapsedMs).ToList();
            var failed = runs.Count(p => p.Name == plugin && p.Outcome == PluginOutcomes.Failed);
            rows.Add(new("e2e", $"{plugin}: median / p95 ms per package", $"{F(Percentiles.Of(ok, 50), "0")} / {F(Percentiles.Of(ok, 95), "0")}",
                plugin == "OcrStamps" ? "≈ 0.8 s/page PP-OCR (2 threads)" : "", $"{ok.Count} ok runs{(failed > 0 ? $", {failed} failed" : "")}"));
        }

        var light = records.Select(r => r.Plugins.Where(p => s_lightPlugins.Contains(p.Name) && p.Outcome == PluginOutcomes.Ok).Sum(p => p.ElapsedMs)).ToList();
        rows.Add(new("e2e", "non-OCR plugins per package, median / p95 ms", $"{F(Percentiles.Of(light, 50), "0.0")} / {F(Percentiles.Of(light, 95), "0.0")}",
            "< 20 ms warm (zip, two .docx, checks, classification, index)", "FormFields + StructureChecks + Classification, summed per record (2 packages at once)"));
        var verdicts = records.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        rows.Add(new("e2e", "verdicts", string.Join(", ", verdicts), "", "a sanity check that the packages were really processed"));
        return rows;
    }

    /// <summary>The packages per minute of <c>caseingest ingest</c>'s summary line (after start-up), NaN when absent.</summary>
    public static double SummaryRate(string output)
    {
        var summary = SummaryLine().Match(output);
        return summary.Success ? double.Parse(summary.Groups["rate"].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Packages: (?<count>\d+) in (?<seconds>[\d.]+) s \((?<rate>[\d.]+) packages per minute\)")]
    private static partial Regex SummaryLine();
}
