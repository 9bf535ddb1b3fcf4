using System.Diagnostics;
using System.Globalization;
using CaseIngest.Fuzz;

// dotnet run -c Release --project bench/CaseIngest.Fuzz -- [--seconds 60] [--targets zip,manifest,...] [--seed 1]
//   [--timeout 120] [--max-alloc-mb 1024] [--findings DIR]
// Per target: every seed once as is, then mutations for the given seconds. A crash is an exception out of the reader;
// a hang is a read longer than the plugin timeout (Plugins:<Name>:TimeoutSeconds, 120 by default); a blow-up is one read
// allocating more than --max-alloc-mb. Failing inputs are saved to the findings folder with their stack.
var arguments = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
string Arg(string name, string fallback) => arguments.TryGetValue(name, out var value) ? value : fallback;

var root = FindRepositoryRoot();
var seconds = double.Parse(Arg("seconds", "60"), CultureInfo.InvariantCulture);
var timeout = TimeSpan.FromSeconds(double.Parse(Arg("timeout", "120"), CultureInfo.InvariantCulture));
var maxAllocation = long.Parse(Arg("max-alloc-mb", "1024"), CultureInfo.InvariantCulture) * 1024 * 1024;
var seed = int.Parse(Arg("seed", "1"), CultureInfo.InvariantCulture);
var findings = Path.GetFullPath(Arg("findings", Path.Combine(root, "artifacts", "fuzz-findings")));
var only = Arg("targets", "").Split(',', StringSplitOptions.RemoveEmptyEntries);

var scratch = Directory.CreateTempSubdirectory("caseingest-fuzz-").FullName;
var results = new List<FuzzResult>();
try
{
    foreach (var target in FuzzTargets.All(root).Where(t => only.Length == 0 || only.Contains(t.Name)))
    {
        var runner = new FuzzRunner(target, scratch, findings, timeout, maxAllocation, new Random(seed));
        var result = await runner.RunAsync(TimeSpan.FromSeconds(seconds));
        results.Add(result);
        Console.WriteLine(result.ToRow());
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"| target | seeds | executions | exec/s | crashes (unique) | hangs > {timeout.TotalSeconds:0} s | slowest ms | most allocated MB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var result in results)
{
    Console.WriteLine(result.ToRow());
}

Console.WriteLine($"total executions {results.Sum(r => r.Executions)}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB; " +
    $"load {File.ReadAllText("/proc/loadavg").Trim()}");
return results.Any(r => r.Crashes.Count > 0 || r.Hangs > 0 || r.BlowUps > 0) ? 1 : 0;

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "CaseIngest.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("CaseIngest.sln not found above " + AppContext.BaseDirectory);
}
