using CaseIngest.Lanes;
using CaseIngest.Ocr.Engines.Paddle;
using CaseIngest.Ocr.Engines.Tesseract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CaseIngest.Ocr.Engines;

/// <summary>Builds the configured engine's pool: as many single-image engines as cores (or the configured size), taking
/// turns on the machine's lanes with the other processes; OpenCV's own threads kept to one.</summary>
public static class OcrEngineFactory
{
    public static OcrEnginePool CreatePool(OcrEngineOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Process-wide by nature (OpenCV has one thread pool a process). Image work already runs a call per core — a
        // package per core, an OCR lane per core across the machine's processes — and OpenCV's own pool of a thread
        // per core on top of it made the calls contend: in alternated runs two worker processes spent 1.42 and 1.56 CPU s
        // a message with it, 1.48 and 1.30 with one thread (docs/BENCHMARKS.md, session 11).
        Cv2.SetNumThreads(1);
        var size = options.PoolSize > 0 ? options.PoolSize : Environment.ProcessorCount;
        var lanes = MachineLanes.OpenShared("ocr", options.ShareMachineLanes, options.MachineLanes, options.MachineLanesFolder,
            logger ?? NullLogger.Instance);
        switch (options.Engine)
        {
            case OcrEngineKind.PaddleOcr:
                var files = PaddleModelFiles.Locate(options.ModelPath);
                var threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Max(1, Environment.ProcessorCount / size);
                // One set of sessions for every lane (Run is thread-safe): lanes cost threads, not copies of the models.
                var models = new PaddleModels(files, threads);
                var arena = new ArenaRetention(ArenaBudget(options, logger));
                return new OcrEnginePool(nameof(OcrEngineKind.PaddleOcr), size, () => new PaddleOcrEngine(models, options.DetectionMaxSide, arena), models, lanes);
            case OcrEngineKind.Tesseract:
                TesseractThreading.LimitThreads(options.TesseractThreads);
                return new OcrEnginePool(nameof(OcrEngineKind.Tesseract), size, () => new TesseractEngine(options.TessdataPath, options.Languages, options.TesseractThreads),
                    machineLanes: lanes);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "unknown OCR engine");
        }
    }

    private static int ArenaBudget(OcrEngineOptions options, ILogger? logger)
    {
        var hugePages = HugePageSetting.OfThisProcess();
        var budget = options.ArenaBudgetMiB ?? ArenaRetention.DefaultBudgetMiB(hugePages);
        logger?.ArenaBudgetChosen(budget, hugePages.LargeBlocksOnHugePages);
        if (hugePages.MallocCouldAsk)
        {
            // A worker's 1,000 messages took 462 s with them against 698 without (docs/BENCHMARKS.md, #20, session
            // 23); only the dynamic loader reads the tunable, so it has to come from the environment caseingest starts in.
            logger?.HugePagesNotAskedFor();
        }

        return budget;
    }
}

internal static partial class OcrEngineFactoryLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "PP-OCR hands ONNX Runtime's arena back from {ArenaBudgetMiB} MiB resident (0 = after every run); large native blocks on huge pages: {HugePages}")]
    public static partial void ArenaBudgetChosen(this ILogger logger, int arenaBudgetMiB, bool hugePages);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Start caseingest with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (scripts/caseingest-env.sh sets it) to put OCR's large native blocks on transparent huge pages")]
    public static partial void HugePagesNotAskedFor(this ILogger logger);
}
