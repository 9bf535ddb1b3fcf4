using System.Diagnostics;
using System.Globalization;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Benchmark;

/// <summary>Milliseconds per report for coverage (the 20 labelled reports, warm), on demand only:
/// <c>CASEINGEST_BENCH=1 dotnet test tests/CaseIngest.Plugins.RubricCoverage.Tests -c Release --filter CoverageBenchmark --logger "console;verbosity=detailed"</c>.</summary>
public sealed class CoverageBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Coverage_per_report()
    {
        var reports = LabelledReport.All.Select(r => r.Report).ToList();
        foreach (var report in reports)
        {
            Coverage.Analyze(report);
        }

        var times = new List<double>();
        for (var round = 0; round < 25; round++)
        {
            foreach (var report in reports)
            {
                var watch = Stopwatch.StartNew();
                Coverage.Analyze(report);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{times.Count} reports: median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, max {times[^1]:0.00} ms; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }
}
