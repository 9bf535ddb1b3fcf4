using System.Diagnostics;
using System.Globalization;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Matching;
using CaseIngest.Plugins.OcrStamps.Pages;
using CaseIngest.Plugins.OcrStamps.Seals;
using CaseIngest.Plugins.OcrStamps.Tests.Corpus;
using Microsoft.Extensions.Options;

// Usage: OcrBench corpus <PaddleOcr|Tesseract> [poolSize] [intraOpThreads] [--full] [--text] [--extra]
//                                                    dates and seals on the corpus (targeted reading unless --full;
//                                                    --extra: tests/corpus-extra instead of tests/corpus)
//        OcrBench speed  <PaddleOcr|Tesseract> [poolSize] [intraOpThreads] [rounds]   pages/min: plugin vs bare engine
// Both: [--layout-max-side N] sets the plugin's LayoutMaxSide (unset: PP-OCR 800, Tesseract 960);
//       OCRBENCH_LANGUAGES=chi_sim+eng (environment) sets the plugin's Tesseract languages (unset: chi_sim).
var (arguments, overrides) = BenchOverrides.Read(args);
if (arguments.FirstOrDefault() == "speed")
{
    await SpeedBench.RunAsync(arguments, overrides);
    return;
}

var engine = Enum.Parse<OcrEngineKind>(arguments.ElementAtOrDefault(1) ?? "PaddleOcr");
var options = new OcrStampsOptions
{
    Engine = engine,
    PoolSize = int.Parse(arguments.ElementAtOrDefault(2) ?? "0", CultureInfo.InvariantCulture),
    IntraOpThreads = int.Parse(arguments.ElementAtOrDefault(3) ?? "0", CultureInfo.InvariantCulture),
    Reading = arguments.Contains("--full") ? OcrReading.FullPage : OcrReading.Targeted,
};
overrides.ApplyTo(options);
var repo = FindRepo();
var work = Directory.CreateTempSubdirectory("ocrbench-");
var pages = CorpusSignaturePages.Extract(Path.Combine(repo, "tests", arguments.Contains("--extra") ? "corpus-extra" : "corpus"), work.FullName);
var reading = PageReading.Of(options);
using var pool = OcrEngineFactory.CreatePool(options);
var loader = new PageImageLoader(Options.Create(options));
var analyzer = new SignaturePageAnalyzer(new SealDetector());
var (present, dates, blocks, orgRead) = (0, 0, 0, 0);
var clock = Stopwatch.StartNew();
foreach (var page in pages)
{
    var images = await loader.LoadAsync(page.Name, page.Path, CancellationToken.None);
    var image = images[0];
    var one = Stopwatch.StartNew();
    var analysis = await analyzer.AnalyseAsync(image.Image!, pool, reading, CancellationToken.None);
    foreach (var (block, expected, unit) in new[] { (SignatureBlock.Applicant, page.Applicant, page.ApplicantUnit), (SignatureBlock.Recommender, page.Recommender, page.RecommenderUnit) })
    {
        var seal = analysis.Seals.Where(s => s.Block == block).MaxBy(s => s.Seal.Confidence);
        var date = analysis.Dates.TryGetValue(block, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var sim = seal?.Organization is { } org && unit is not null ? OrganizationMatcher.Similarity(org, unit) : 0;
        blocks++;
        present += (seal is not null) == expected.Present ? 1 : 0;
        dates += date == expected.Date ? 1 : 0;
        orgRead += seal is not null && sim >= 0.5 ? 1 : 0;
        Console.WriteLine($"{page.Id} {block,-11} seal {(seal is not null ? "Y" : "-")}/{(expected.Present ? "Y" : "-")} conf {seal?.Seal.Confidence:0.00} date {date ?? "null"}/{expected.Date ?? "null"} {(date == expected.Date ? "ok" : "WRONG")} org '{seal?.Organization}' {seal?.OrganizationConfidence:0.00} sim {sim:0.00}");
    }

    var t = analysis.Timings;
    Console.WriteLine($"{page.Id} prepare and seals {t.Prepare:0} ms, OCR {t.Ocr:0} ms, arcs {t.Arcs:0} ms");
    Console.WriteLine($"{page.Id} {one.ElapsedMilliseconds} ms skew {analysis.SkewDegrees:0.00} conf {analysis.MeanConfidence:0.00} seals {analysis.Seals.Count}");
    if (arguments.Contains("--text"))
    {
        Console.WriteLine(analysis.Text);
    }

    image.Dispose();
}

Console.WriteLine($"{engine} {reading.Mode} layout max side {reading.LayoutMaxSide} languages {options.Languages}: presence {present}/{blocks}, dates {dates}/{blocks}, organisations matched {orgRead}, {clock.Elapsed.TotalSeconds / pages.Count:0.00} s/page");
work.Delete(recursive: true);

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CaseIngest.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("repository not found");
}
