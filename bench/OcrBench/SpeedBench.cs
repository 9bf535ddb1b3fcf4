using System.Diagnostics;
using System.Globalization;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Engines;
using CaseIngest.Ocr.Imaging;
using CaseIngest.Plugins.OcrStamps.Pages;
using CaseIngest.Plugins.OcrStamps.Seals;
using CaseIngest.Plugins.OcrStamps.Tests.Corpus;
using Microsoft.Extensions.Options;
using OpenCvSharp;

/// <summary>
/// Pages per minute over the corpus's signature pages, as many at once as the pool has engines: the plugin's whole
/// page analysis (load, deskew, seal ink suppression, OCR, seals, arcs, dates), reading the page targeted (the
/// default) and whole, against the bare engine on the same images (`tesseract IMG out -l chi_sim --psm 6` processes
/// for Tesseract; detection + recognition of the whole page alone for PP-OCR). The three alternate round by round in
/// one process, so they meet the same load from the rest of the machine.
/// </summary>
internal static class SpeedBench
{
    /// <param name="args">The command line without <paramref name="overrides"/>' arguments.</param>
    public static async Task RunAsync(string[] args, BenchOverrides overrides)
    {
        var engine = Enum.Parse<OcrEngineKind>(args.ElementAtOrDefault(1) ?? "PaddleOcr");
        var options = new OcrStampsOptions
        {
            Engine = engine,
            PoolSize = int.Parse(args.ElementAtOrDefault(2) ?? "2", CultureInfo.InvariantCulture),
            IntraOpThreads = int.Parse(args.ElementAtOrDefault(3) ?? "1", CultureInfo.InvariantCulture),
        };
        overrides.ApplyTo(options);
        var rounds = int.Parse(args.ElementAtOrDefault(4) ?? "1", CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("ocrbench-speed-");
        var loader = new PageImageLoader(Options.Create(options));
        var images = new List<string>();
        foreach (var page in CorpusSignaturePages.Extract(Path.Combine(FindRepo(), "tests", "corpus"), work.FullName))
        {
            // The same image files for both sides: a PDF's page image is written out losslessly first.
            using var loaded = (await loader.LoadAsync(page.Name, page.Path, CancellationToken.None))[0];
            var path = Path.Combine(work.FullName, page.Id + "-page.png");
            Cv2.ImWrite(path, loaded.Image!);
            images.Add(path);
        }

        var pages = Enumerable.Repeat(images, rounds).SelectMany(p => p).ToList();
        using var pool = OcrEngineFactory.CreatePool(options);
        var analyzer = new SignaturePageAnalyzer(new SealDetector());
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = pool.Size };

        // Warm-up: first runs pay for graph optimisation and language data pages.
        await pool.UseAsync(e => e.ReadPage(new Mat(200, 200, MatType.CV_8UC1, Scalar.White), CancellationToken.None), CancellationToken.None);

        Func<string, CancellationToken, ValueTask> bareRead = async (path, ct) =>
        {
            if (engine == OcrEngineKind.Tesseract)
            {
                await RunTesseractCliAsync(path, work.FullName, ct);
                return;
            }

            using var colour = Cv2.ImRead(path, ImreadModes.Color);
            using var grey = colour.CvtColor(ColorConversionCodes.BGR2GRAY);
            await pool.UseAsync(e => e.ReadPage(grey, ct), ct);
        };
        Func<PageReading, Func<string, CancellationToken, ValueTask>> pluginRead = reading => async (path, ct) =>
        {
            var loaded = await loader.LoadAsync(Path.GetFileName(path), path, ct);
            using var page = loaded[0];
            await analyzer.AnalyseAsync(page.Image!, pool, reading, ct);
        };

        // And the plugin's two readings once each on the first page: its managed code is compiled at first call (with
        // DOTNET_ReadyToRun=0, .NET's own too), which the bare engine's native code never pays, and a worker has done
        // it before its first message (its pipeline warm-up). The figures are the steady state on both sides.
        await pluginRead(PageReading.Of(options) with { Mode = OcrReading.FullPage })(images[0], CancellationToken.None);
        await pluginRead(PageReading.Of(options) with { Mode = OcrReading.Targeted })(images[0], CancellationToken.None);

        var (bare, full, targeted) = (new Measure(), new Measure(), new Measure());
        for (var round = 0; round < rounds; round++)
        {
            bare.Add(await TimeAsync(images, parallel, bareRead, childCpu: engine == OcrEngineKind.Tesseract));
            full.Add(await TimeAsync(images, parallel, pluginRead(PageReading.Of(options) with { Mode = OcrReading.FullPage }), childCpu: false));
            targeted.Add(await TimeAsync(images, parallel, pluginRead(PageReading.Of(options) with { Mode = OcrReading.Targeted }), childCpu: false));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"{engine} pool {pool.Size} intra-op {options.IntraOpThreads} languages {options.Languages} layout max side {PageReading.Of(options).LayoutMaxSide} OMP_THREAD_LIMIT {Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") ?? "unset"}: {pages.Count} pages; ") +
            FormattableString.Invariant($"bare {bare.PagesPerMinute:0.0} pages/min ({bare.CpuSecondsPerPage:0.00} CPU s/page), plugin {full.PagesPerMinute:0.0} pages/min ({full.CpuSecondsPerPage:0.00} CPU s/page), ") +
            FormattableString.Invariant($"ratio {full.PagesPerMinute / bare.PagesPerMinute:0.00} by wall clock, {bare.CpuSecondsPerPage / full.CpuSecondsPerPage:0.00} by CPU; ") +
            FormattableString.Invariant($"targeted {targeted.PagesPerMinute:0.0} pages/min ({targeted.CpuSecondsPerPage:0.00} CPU s/page), ") +
            FormattableString.Invariant($"targeted ratio {targeted.PagesPerMinute / bare.PagesPerMinute:0.00} by wall clock, {bare.CpuSecondsPerPage / targeted.CpuSecondsPerPage:0.00} by CPU; ") +
            FormattableString.Invariant($"peak RSS {Environment.WorkingSet / 1e6:0} MB; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        work.Delete(recursive: true);
    }

    private static async Task<(int Pages, TimeSpan Wall, TimeSpan Cpu)> TimeAsync(
        List<string> pages, ParallelOptions parallel, Func<string, CancellationToken, ValueTask> read, bool childCpu)
    {
        var cpuBefore = childCpu ? ChildrenCpu() : Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(pages, parallel, read);
        var cpu = (childCpu ? ChildrenCpu() : Process.GetCurrentProcess().TotalProcessorTime) - cpuBefore;
        return (pages.Count, clock.Elapsed, cpu);
    }

    private static TimeSpan ChildrenCpu()
    {
        const int RusageChildren = -1;
        var usage = new long[18];
        _ = GetResourceUsage(RusageChildren, usage);
        return TimeSpan.FromSeconds(usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, long[] usage);

    private sealed class Measure
    {
        private int _pages;
        private TimeSpan _wall;
        private TimeSpan _cpu;

        public double PagesPerMinute => _pages / _wall.TotalMinutes;

        public double CpuSecondsPerPage => _cpu.TotalSeconds / _pages;

        public void Add((int Pages, TimeSpan Wall, TimeSpan Cpu) run)
        {
            _pages += run.Pages;
            _wall += run.Wall;
            _cpu += run.Cpu;
        }
    }

    private static async Task RunTesseractCliAsync(string image, string work, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("tesseract") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { image, Path.Combine(work, Path.GetFileNameWithoutExtension(image)), "-l", "chi_sim", "--psm", "6" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)!;
        await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
    }

    private static string FindRepo()
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
}
