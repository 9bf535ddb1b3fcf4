using CaseIngest.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core;

/// <summary>Registers the core: plugins, pipeline, package reading, package store.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Loads the plugins from <c>Plugins:Path</c> and registers the pipeline and its parts.</summary>
    public static IServiceCollection AddCaseIngestCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = PluginDirectoryLoader.Load(services, configuration);
        services.AddSingleton(catalog);
        return services;
    }
}
