using CaseIngest.Ocr.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Ocr;

/// <summary>How a plugin that reads scans registers its engines.</summary>
public static class OcrServiceCollectionExtensions
{
    /// <summary>Registers the plugin's <see cref="OcrEngineProvider"/> (a singleton: engines are costly to create),
    /// built on first use from the engine settings <paramref name="options"/> picks out of the plugin's own options.</summary>
    public static IServiceCollection AddOcrEngines(this IServiceCollection services, Func<IServiceProvider, OcrEngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddSingleton(sp => new OcrEngineProvider(options(sp), sp.GetRequiredService<ILogger<OcrEngineProvider>>()));
    }
}
