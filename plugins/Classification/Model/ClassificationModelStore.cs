using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.Classification.Model;

/// <summary>
/// Hands out the model in force: the file at <see cref="ClassificationOptions.ModelPath"/> when it exists, else the
/// built-in model (<see cref="ClassificationOptions.BuiltInModel"/>: the shipped trained model, or the prior). Reloads when <c>train</c> rewrites the file (checked by its time and size, one stat per case).
/// A singleton so that the model is parsed once, not per package.
/// </summary>
internal sealed class ClassificationModelStore(IOptions<ClassificationOptions> options, ILogger<ClassificationModelStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<PriorModelFactory> _prior = new(() => new PriorModelFactory());
    private ClassificationModel? _builtIn;
    private (string Path, DateTime WrittenUtc, long Bytes)? _loadedFrom;
    private ClassificationModel? _loaded;

    public PriorModelFactory Prior => _prior.Value;

    public async Task<ClassificationModel> GetAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.ModelPath);
        var file = new FileInfo(path);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!file.Exists)
            {
                if (_builtIn is null)
                {
                    var builtIn = options.Value.BuiltInModel == BuiltInModel.Prior
                        ? Prior.Create()
                        : await BuiltInTrainedModel.LoadAsync(cancellationToken) ?? Prior.Create();
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("No classification model at {ModelPath}; using the built-in model {ModelVersion}", path, builtIn.Version);
                    }

                    _builtIn = builtIn;
                }

                return _builtIn;
            }

            var stamp = (path, file.LastWriteTimeUtc, file.Length);
            if (_loaded is null || _loadedFrom != stamp)
            {
                var loaded = await ModelFile.LoadAsync(path, cancellationToken);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Loaded classification model {ModelVersion} from {ModelPath}", loaded.Version, path);
                }

                _loaded = loaded;
                _loadedFrom = stamp;
            }

            return _loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
