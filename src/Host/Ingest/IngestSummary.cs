using System.Globalization;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Host.Ingest;

/// <summary>The closing figures of an ingest run: packages, verdicts, frequent findings, speed, per-plugin median time.</summary>
public sealed class IngestSummary
{
    private readonly Lock _gate = new();
    private readonly List<CaseRecord> _records = [];
    private int _crashed;

    public void Add(CaseRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    /// <summary>A package the pipeline could not turn into a record (a bug: the processor never throws for bad input).</summary>
    public void AddCrash()
    {
        lock (_gate)
        {
            _crashed++;
        }
    }

    public IReadOnlyList<string> Render(TimeSpan elapsed, int topFindings = 8)
    {
        lock (_gate)
        {
            var lines = new List<string>();
            var count = _records.Count + _crashed;
            var perMinute = elapsed.TotalMinutes > 0 ? count / elapsed.TotalMinutes : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Packages: {count} in {elapsed.TotalSeconds:0.0} s ({perMinute:0.0} packages per minute){(_crashed > 0 ? $", {_crashed} crashed" : "")}"));
            var verdicts = _records.GroupBy(r => r.Verdict).OrderBy(g => g.Key)
                .Select(g => $"{CaseRecordJson.Name(g.Key)} {g.Count()}");
            lines.Add("Verdicts: " + string.Join(", ", verdicts));
            var codes = _records.SelectMany(r => r.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct())
                .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(topFindings)
                .Select(g => $"{g.Key} {g.Count()}").ToList();
            lines.Add("Most frequent findings (packages): " + (codes.Count == 0 ? "none" : string.Join(", ", codes)));
            var plugins = _records.SelectMany(r => r.Plugins.Where(p => p.Outcome == PluginOutcomes.Ok))
                .GroupBy(p => p.Name).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Median(g.Select(p => p.ElapsedMs)):0} ms ({g.Count()} runs)")).ToList();
            lines.Add("Median time per plugin: " + (plugins.Count == 0 ? "no plugin ran" : string.Join(", ", plugins)));
            var failures = _records.SelectMany(r => r.Plugins.Where(p => p.Outcome == PluginOutcomes.Failed)).GroupBy(p => p.Name)
                .Select(g => $"{g.Key} {g.Count()}").ToList();
            if (failures.Count > 0)
            {
                lines.Add("Plugin failures: " + string.Join(", ", failures));
            }

            return lines;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
