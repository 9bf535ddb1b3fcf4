using System.Globalization;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Host.Ingest;

/// <summary>The closing figures of an ingest run: packages, verdicts, frequent findings, speed, per-plugin median time.</summary>
/// <remarks>Counts what the figures need as each record comes, and keeps no record: a run of 10,000 packages held all of
/// them (some 100 KB of objects each) until its last line, and every young collection of the run promoted the records
/// made since the one before.</remarks>
public sealed class IngestSummary
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Verdict, int> _verdicts = [];
    private readonly Dictionary<string, int> _packagesByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _okElapsedByPlugin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failuresByPlugin = new(StringComparer.Ordinal);
    private int _records;
    private int _crashed;

    public void Add(CaseRecord record)
    {
        var codes = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList();
        lock (_gate)
        {
            _records++;
            _verdicts[record.Verdict] = _verdicts.GetValueOrDefault(record.Verdict) + 1;
            foreach (var code in codes)
            {
                _packagesByCode[code] = _packagesByCode.GetValueOrDefault(code) + 1;
            }

            foreach (var run in record.Plugins)
            {
                if (run.Outcome == PluginOutcomes.Ok)
                {
                    if (!_okElapsedByPlugin.TryGetValue(run.Name, out var elapsed))
                    {
                        _okElapsedByPlugin[run.Name] = elapsed = [];
                    }

                    elapsed.Add(run.ElapsedMs);
                }
                else if (run.Outcome == PluginOutcomes.Failed)
                {
                    _failuresByPlugin[run.Name] = _failuresByPlugin.GetValueOrDefault(run.Name) + 1;
                }
            }
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
            var count = _records + _crashed;
            var perMinute = elapsed.TotalMinutes > 0 ? count / elapsed.TotalMinutes : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Packages: {count} in {elapsed.TotalSeconds:0.0} s ({perMinute:0.0} packages per minute){(_crashed > 0 ? $", {_crashed} crashed" : "")}"));
            var verdicts = _verdicts.OrderBy(v => v.Key).Select(v => $"{CaseRecordJson.Name(v.Key)} {v.Value}");
            lines.Add("Verdicts: " + string.Join(", ", verdicts));
            var codes = _packagesByCode.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(topFindings)
                .Select(c => $"{c.Key} {c.Value}").ToList();
            lines.Add("Most frequent findings (packages): " + (codes.Count == 0 ? "none" : string.Join(", ", codes)));
            var plugins = _okElapsedByPlugin.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {Median(p.Value):0} ms ({p.Value.Count} runs)")).ToList();
            lines.Add("Median time per plugin: " + (plugins.Count == 0 ? "no plugin ran" : string.Join(", ", plugins)));
            if (_failuresByPlugin.Count > 0)
            {
                lines.Add("Plugin failures: " + string.Join(", ", _failuresByPlugin.Select(f => $"{f.Key} {f.Value}")));
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
