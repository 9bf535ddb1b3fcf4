using System.Diagnostics;
using System.Globalization;
using CaseIngest.Plugins.StructureChecks.Tests.Corpus;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using CaseIngest.Testing;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.StructureChecks.Tests.Benchmark;

/// <summary>Milliseconds per report, warm, over the corpus reports: read the file, parse, count, run every rule.
/// Opt-in (CASEINGEST_BENCH=1, skipped otherwise) and never asserted: speed is measured, not tested.</summary>
public sealed class ReportBenchmark(ITestOutputHelper output)
{
    private const int WarmUpRounds = 10;
    private const int Rounds = 30;

    [BenchmarkFact]
    public async Task MeasureMillisecondsPerReport_OptIn()
    {
        using var harness = new StepHarness();
        using var folder = new TemporaryDirectory();
        var reports = TestPaths.CorpusIds.Select(id => (Package: CorpusPackage.Load(id), Path: CorpusPackage.Load(id).ExtractReport(folder))).ToList();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var (package, path) in reports)
            {
                await harness.RunAsync(path, package.Form);
            }
        }

        // The machine is shared: wall time includes waiting for a core, CPU time is what a report costs.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var perReport = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (package, path) in reports)
            {
                var watch = Stopwatch.StartNew();
                await harness.RunAsync(path, package.Form);
                perReport.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var cpuPerReport = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / perReport.Count;
        perReport.Sort();
        var line = string.Format(CultureInfo.InvariantCulture,
            "StructureChecks: {0} runs over {1} corpus reports: wall mean {2:0.00} ms, median {3:0.00} ms, p95 {4:0.00} ms; process CPU {5:0.00} ms per report (load average {6})",
            perReport.Count, reports.Count, perReport.Average(), perReport[perReport.Count / 2], perReport[perReport.Count * 95 / 100], cpuPerReport,
            File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?");
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "structurechecks-bench.txt"), line + Environment.NewLine);
    }
}
