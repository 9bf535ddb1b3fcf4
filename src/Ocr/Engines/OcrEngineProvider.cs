using Microsoft.Extensions.Logging;

namespace CaseIngest.Ocr.Engines;

/// <summary>
/// A plugin's OCR engines, created on first use and kept for the process's life (a singleton): loading models or
/// language data costs far more than reading a page. A plugin that never meets a scan never loads them.
/// </summary>
public sealed class OcrEngineProvider : IDisposable
{
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

    public void Dispose()
    {
        if (_pool.IsValueCreated)
        {
            _pool.Value.Dispose();
        }
    }
}
