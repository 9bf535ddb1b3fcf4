using System.Globalization;

namespace CaseIngest.Bench.Reporting;

/// <summary>The machine a run happened on, for the results page: cores, memory, CPU model, .NET, load.</summary>
public static class MachineInfo
{
    public static IReadOnlyList<string> Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var memory = long.TryParse(memoryKb, CultureInfo.InvariantCulture, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        return
        [
            $"cores (nproc): {Environment.ProcessorCount}",
            $"memory: {memory}",
            $"CPU: {cpu ?? "unknown"}",
            $".NET runtime: {Environment.Version}",
            $"load average at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {LoadAverage()}",
        ];
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg has them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
