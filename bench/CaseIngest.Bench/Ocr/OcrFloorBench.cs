using System.Text.RegularExpressions;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Ocr;

/// <summary>OCR against its floor, delegated to the OCR engineer's bench (<c>bench/OcrBench speed</c>): per engine, the
/// plugin's whole page analysis, reading the page targeted (the default) and whole, against the bare full-page engine
/// on the same page images, two lanes on the two cores, from one run in which the three alternate, three rounds (one
/// round of the 14 pages is 5–10 s a side, and one round's ratio moved between 1.39 and 1.97 on the same build).</summary>
public sealed partial class OcrFloorBench : IBenchPart
{
    private static readonly (string Engine, string Bare)[] s_engines =
    [
        ("PaddleOcr", "PP-OCRv4 detection + recognition alone (ONNX Runtime)"),
        ("Tesseract", "`tesseract IMG out -l chi_sim --psm 6`, OMP_THREAD_LIMIT=1"),
    ];

    public string Name => "ocr";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var rows = new List<ResultRow>();
        foreach (var (engine, bare) in s_engines)
        {
            // speed ENGINE POOL INTRA-OP ROUNDS: two engines of one thread each = two lanes, as DESIGN.md's floor has it.
            var rounds = environment.Options.Quick ? "1" : "3";
            var run = await ChildProcess.RunAsync("dotnet", [environment.OcrBenchAssembly, "speed", engine, "2", "1", rounds],
                environment.Work.FullName, new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, cancellationToken);
            var result = ResultLine().Match(run.Output);
            if (!result.Success)
            {
                rows.Add(new("ocr", $"{engine}: plugin / bare pages per minute", "n/a", "≥ 0.9", "OcrBench printed no result: " + ChildProcess.Tail(run.Output, 3)));
                continue;
            }

            rows.Add(new("ocr", $"{engine}: bare engine, pages per minute", result.Groups["bare"].Value, "", $"{result.Groups["pages"].Value} page readings (the corpus's signature pages, {rounds} rounds), {bare}"));
            rows.Add(new("ocr", $"{engine}: plugin, pages per minute", result.Groups["plugin"].Value, "",
                "load, deskew, seal ink, OCR, seals, arcs, dates; 2 engines × 1 thread"));
            rows.Add(new("ocr", $"{engine}: plugin ÷ bare", $"{result.Groups["ratio"].Value} (CPU {result.Groups["cpu"].Value})", "≥ 0.9",
                $"pages per minute by wall clock, one run of {rounds} rounds alternated (CPU: bare CPU s per page ÷ plugin's)"));
            rows.Add(new("ocr", $"{engine}: plugin, targeted (the default), pages per minute", result.Groups["targeted"].Value, "",
                "lines found at low resolution; labels, dates and lines beside seals read at full resolution; seals, arcs, dates"));
            rows.Add(new("ocr", $"{engine}: targeted ÷ bare full-page", $"{result.Groups["tratio"].Value} (CPU {result.Groups["tcpu"].Value})", "≥ 1.5",
                $"pages per minute by wall clock, the same run; load {result.Groups["load"].Value} at its end"));
        }

        return rows;
    }

    [GeneratedRegex(@"(?<pages>\d+) pages; bare (?<bare>[\d.]+) pages/min .*plugin (?<plugin>[\d.]+) pages/min .*ratio (?<ratio>[\d.]+) by wall clock, (?<cpu>[\d.]+) by CPU; targeted (?<targeted>[\d.]+) pages/min .*targeted ratio (?<tratio>[\d.]+) by wall clock, (?<tcpu>[\d.]+) by CPU; .*load (?<load>[\d.]+)")]
    private static partial Regex ResultLine();
}
