using Microsoft.Extensions.Logging;
using Mat = OpenCvSharp.Mat;
using MatType = OpenCvSharp.MatType;
using Scalar = OpenCvSharp.Scalar;

namespace CaseIngest.Ocr.Engines;

/// <summary>
/// A plugin's OCR engines, created on first use and kept for the process's life (a singleton): loading models or
/// language data costs far more than reading a page. A plugin that never meets a scan never loads them, unless it
/// asks for them at a worker's start (<see cref="WarmUpAsync"/>).
/// </summary>
public sealed class OcrEngineProvider : IDisposable
{
    private const int WarmUpStripWidth = 320;
    private const int WarmUpStripHeight = 48;

    private readonly Lazy<OcrEnginePool> _pool;

    public OcrEngineProvider(OcrEngineOptions options, ILogger<OcrEngineProvider> logger)
    {
        _pool = new Lazy<OcrEnginePool>(() =>
        {
            var pool = OcrEngineFactory.CreatePool(options, logger);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("OCR engine {Engine} ready with {PoolSize} instances, machine lanes {MachineLanes} in {MachineLanesFolder}",
                    pool.EngineName, pool.Size, pool.MachineLanes?.Count, pool.MachineLanes?.Folder);
            }
            return pool;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public OcrEnginePool Pool => _pool.Value;

    /// <summary>Whether the engines exist yet (they are made on first use, or by <see cref="WarmUpAsync"/>).</summary>
    public bool EnginesCreated => _pool.IsValueCreated;

    /// <summary>Creates the engines now and has one of them find and read the lines of a blank strip: the models'
    /// loading, their first runs and the compilation of the reading code happen here rather than in the first page's
    /// time. PP-OCR's engines share their sessions, so one reading warms them all; each Tesseract engine loads its
    /// language data as it is created.</summary>
    /// <exception cref="FileNotFoundException">A model or language file is missing (its path in the message).</exception>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var pool = Pool;
        await pool.UseAsync(engine =>
        {
            using var blank = new Mat(WarmUpStripHeight, WarmUpStripWidth, MatType.CV_8UC1, Scalar.White);
            engine.FindLines(blank, WarmUpStripWidth, cancellationToken);
            return engine.ReadLine(blank, cancellationToken);
        }, cancellationToken);
    }

    public void Dispose()
    {
        if (_pool.IsValueCreated)
        {
            _pool.Value.Dispose();
        }
    }
}
