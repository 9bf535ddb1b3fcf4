using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.EndToEnd;

/// <summary>Everything in a package but OCR, warm: the corpus replicated to 100 packages through the real
/// <c>caseingest ingest</c> one at a time with the OCR plugin switched off. A package's cost is the time between its
/// record's <c>processedAt</c> and the one before it: the previous record's indexing, then this package's zip, two
/// .docx, every check, classification and coverage. The first round of the corpus warms up and is left out.</summary>
public sealed class NonOcrBench : IBenchPart
{
    public string Name => "nonocr";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder("nonocr");
        var count = environment.Options.Packages;
        CorpusReplicator.Replicate(environment.CorpusPackages, Path.Combine(work, "packages"), count, "N");
        var recordsPath = Path.Combine(work, "records.jsonl");
        await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", Path.Combine(work, "packages"), "--out", recordsPath, "--index", Path.Combine(work, "index"), "--store", Path.Combine(work, "store"),
                "--parallelism", "1"],
            work, new Dictionary<string, string> { ["Plugins__OcrStamps__Enabled"] = "false" }, cancellationToken);

        var processed = File.ReadLines(recordsPath).Where(l => l.Length > 0).Select(CaseRecordJson.Deserialize)
            .Select(r => r.ProcessedAt).OfType<DateTimeOffset>().Order().ToList();
        var warmUp = Math.Min(14, processed.Count / 2);
        var costs = processed.Skip(warmUp).Zip(processed.Skip(warmUp + 1), (a, b) => (b - a).TotalMilliseconds).ToList();
        return
        [
            new("nonocr", "a package without OCR, warm: median / p95 ms",
                $"{F(Percentiles.Of(costs, 50))} / {F(Percentiles.Of(costs, 95))}", "< 20 ms at the 95th percentile",
                $"{costs.Count} packages one at a time after {warmUp} warm-up, `ingest --parallelism 1`, OcrStamps off: index the previous record, " +
                $"read the zip, two .docx, every check, classification, coverage; load {load} → {MachineInfo.LoadAverage()}"),
        ];
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
