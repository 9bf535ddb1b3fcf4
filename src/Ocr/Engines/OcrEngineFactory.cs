using CaseIngest.Ocr.Engines.Paddle;
using CaseIngest.Ocr.Engines.Tesseract;

namespace CaseIngest.Ocr.Engines;

/// <summary>Builds the configured engine's pool: as many single-image engines as cores (or the configured size).</summary>
public static class OcrEngineFactory
{
    public static OcrEnginePool CreatePool(OcrEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var size = options.PoolSize > 0 ? options.PoolSize : Environment.ProcessorCount;
        switch (options.Engine)
        {
            case OcrEngineKind.PaddleOcr:
                var files = PaddleModelFiles.Locate(options.ModelPath);
                var threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Max(1, Environment.ProcessorCount / size);
                // One set of sessions for every lane (Run is thread-safe): lanes cost threads, not copies of the models.
                var models = new PaddleModels(files, threads);
                return new OcrEnginePool(nameof(OcrEngineKind.PaddleOcr), size, () => new PaddleOcrEngine(models, options.DetectionMaxSide), models);
            case OcrEngineKind.Tesseract:
                TesseractThreading.LimitThreads(options.TesseractThreads);
                return new OcrEnginePool(nameof(OcrEngineKind.Tesseract), size, () => new TesseractEngine(options.TessdataPath, options.Languages, options.TesseractThreads));
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "unknown OCR engine");
        }
    }
}
