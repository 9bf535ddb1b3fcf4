using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseIngest.Bench.EndToEnd;

/// <summary>The host's per-package timing log line (<c>PackageIngestion</c>, Debug: "Package ID Outcome in N ms: read …,
/// store …, files …, plugins …, index …, cleanup …; page images … ms apart; GC paused … ms, … gen 2"), read back as stage →
/// milliseconds (and <c>gcPaused</c>, the runtime's collection pauses within the package, beside them).</summary>
public static partial class PackageTimingLines
{
    /// <summary>The logging setting that turns the line on in a <c>caseingest</c> process (an environment variable).</summary>
    public static KeyValuePair<string, string> Enable { get; } = new("Logging__LogLevel__CaseIngest.Search.Ingestion.PackageIngestion", "Debug");

    /// <summary>The stages of the non-OCR work, in the order the line gives them.</summary>
    public static IReadOnlyList<string> NonOcrStages { get; } = ["read", "store", "files", "plugins", "index", "cleanup"];

    /// <summary>Every timing line of <paramref name="log"/>, in the order the packages were saved.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Parse(string log) =>
        TimingLine().Matches(log).Select(m => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["package"] = Number(m, "package"),
            ["read"] = Number(m, "read"),
            ["store"] = Number(m, "store"),
            ["files"] = Number(m, "files"),
            ["plugins"] = Number(m, "plugins"),
            ["index"] = Number(m, "index"),
            ["cleanup"] = Number(m, "cleanup"),
            ["pageImages"] = Number(m, "pageImages"),
            ["gcPaused"] = Number(m, "gcPaused"),
        }).ToList();

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Package \S+ \w+ in (?<package>[\d.]+) ms: read (?<read>[\d.]+), store (?<store>[\d.]+), files (?<files>[\d.]+), " +
        @"plugins (?<plugins>[\d.]+), index (?<index>[\d.]+), cleanup (?<cleanup>[\d.]+); page images (?<pageImages>[\d.]+) ms apart; GC paused (?<gcPaused>[\d.]+) ms")]
    private static partial Regex TimingLine();
}
