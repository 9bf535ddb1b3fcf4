using System.Diagnostics;
using CaseIngest.Bench.Chaos;
using CaseIngest.Bench.Editions;
using CaseIngest.Bench.EndToEnd;
using CaseIngest.Bench.Formats;
using CaseIngest.Bench.Ocr;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;
using CaseIngest.Bench.Search;
using CaseIngest.Bench.Workers;

// The whole bench: the selected parts in order, a row per figure, the table on the console and in markdown.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

IBenchPart[] parts = [new EndToEndBench(), new NonOcrBench(), new FormatsBench(), new OcrFloorBench(), new WorkerPathBench(), new WorkerMemoryBench(), new SearchLatencyBench(), new EditionStageBench(), new ChaosRun()];
var environment = BenchEnvironment.Create(options);
var machine = MachineInfo.Describe();
var rows = new List<ResultRow>();
var failures = 0;
var total = Stopwatch.StartNew();
foreach (var part in parts.Where(p => options.Parts.Contains(p.Name)))
{
    Console.Error.WriteLine($"[bench] {part.Name} … (load {MachineInfo.LoadAverage()})");
    var clock = Stopwatch.StartNew();
    try
    {
        rows.AddRange(await part.RunAsync(environment, cancel.Token));
    }
    catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
    {
        failures++;
        rows.Add(new ResultRow(part.Name, "FAILED", "n/a", "", ex.Message.Split('\n')[0]));
        Console.Error.WriteLine($"[bench] {part.Name} failed: {ex}");
    }

    Console.Error.WriteLine($"[bench] {part.Name} took {clock.Elapsed.TotalSeconds:0} s");
}

var table = ResultTable.ToMarkdown(rows);
var header = string.Join('\n', machine.Select(m => "- " + m)) + $"\n- load average at the end: {MachineInfo.LoadAverage()}\n"
    + $"- parts: {string.Join(',', options.Parts)}{(options.Quick ? " (--quick)" : "")}, configuration {options.Configuration}, took {total.Elapsed.TotalMinutes:0.0} min\n"
    // What every child process inherits from scripts/caseingest-env.sh (or its absence), which moves the figures.
    + "- environment: " + string.Join(", ", new[] { "OMP_THREAD_LIMIT", "GLIBC_TUNABLES", "DOTNET_ReadyToRun" }
        .Select(name => $"{name}={Environment.GetEnvironmentVariable(name) ?? "(unset)"}")) + "\n";
Console.WriteLine(header);
Console.WriteLine(table);
Directory.CreateDirectory(Path.GetDirectoryName(environment.MarkdownPath)!);
await File.WriteAllTextAsync(environment.MarkdownPath, header + "\n" + table);
Console.Error.WriteLine($"[bench] table written to {environment.MarkdownPath}");
environment.Work.Delete(recursive: true);
return failures == 0 ? 0 : 1;
