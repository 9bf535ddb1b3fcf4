using System.Reflection;
using CaseIngest.Abstractions.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Plugins;

/// <summary>Loads every <c>&lt;Name&gt;/&lt;Name&gt;.dll</c> under the plugins folder into its own load context and lets
/// its registrars add their services. Runs before the service provider exists, so it reports through the catalog.</summary>
public static class PluginDirectoryLoader
{
    // The types whose identity host and plugin must share: the contract and the DI/logging/configuration/options
    // abstractions that cross the boundary. Everything else a plugin brings stays private to it.
    private static readonly Type[] s_sharedTypes =
    [
        typeof(IPluginRegistrar),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(IConfiguration),
        typeof(IOptions<>),
    ];

    /// <summary>Loads the plugins and registers their services.</summary>
    /// <param name="services">Where the registrars add their services.</param>
    /// <param name="configuration">The whole configuration (the loader reads <c>Plugins</c>).</param>
    /// <param name="include">Which plugin names to load (all enabled ones when null).</param>
    /// <exception cref="PluginLoadException">A plugin failed to load and <see cref="PluginOptions.FailOnLoadError"/> is set.</exception>
    public static PluginCatalog Load(IServiceCollection services, IConfiguration configuration, Func<string, bool>? include = null)
    {
        var options = new PluginOptions();
        configuration.GetSection(PluginOptions.SectionName).Bind(options);
        var directory = Path.GetFullPath(options.Path);
        if (!Directory.Exists(directory))
        {
            return new PluginCatalog(directory, [], []);
        }

        var loaded = new List<LoadedPlugin>();
        var failures = new List<PluginLoadFailure>();
        foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if ((include is not null && !include(name)) || !PluginSettings.For(configuration, name).Enabled)
            {
                continue;
            }

            var assemblyPath = Path.Combine(folder, name + ".dll");
            try
            {
                loaded.Add(LoadOne(services, configuration, name, assemblyPath));
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileLoadException
                                           or FileNotFoundException or BadImageFormatException or MissingMethodException
                                           or TargetInvocationException or InvalidOperationException)
            {
                var failure = new PluginLoadFailure(name, assemblyPath, Describe(ex));
                if (options.FailOnLoadError)
                {
                    throw new PluginLoadException(failure, ex);
                }

                failures.Add(failure);
            }
        }

        return new PluginCatalog(directory, loaded, failures);
    }

    private static LoadedPlugin LoadOne(IServiceCollection services, IConfiguration configuration, string name, string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"The plugin folder has no {name}.dll (the assembly must be named like its folder).", assemblyPath);
        }

        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, s_sharedTypes, config => config.PreferSharedTypes = true);
        var assembly = loader.LoadDefaultAssembly();

        // GetTypes() resolves every type now, so a plugin built against an incompatible contract fails at start-up
        // rather than on the first package.
        var registrars = assembly.GetTypes()
            .Where(t => typeof(IPluginRegistrar).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        if (registrars.Count == 0)
        {
            throw new InvalidOperationException($"{name}.dll has no public {nameof(IPluginRegistrar)} implementation.");
        }

        var section = configuration.GetSection(PluginOptions.SectionName).GetSection(name);
        foreach (var type in registrars)
        {
            var registrar = (IPluginRegistrar)(Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Could not create {type.FullName}."));
            registrar.Register(services, section);
        }

        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "?";
        return new LoadedPlugin(name, assemblyPath, version.Split('+')[0]);
    }

    private static string Describe(Exception ex) => ex switch
    {
        ReflectionTypeLoadException rtle => "types failed to load (incompatible Abstractions version?): " +
                                            string.Join("; ", rtle.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct()),
        TargetInvocationException { InnerException: { } inner } => inner.GetType().Name + ": " + inner.Message,
        _ => ex.GetType().Name + ": " + ex.Message,
    };
}

/// <summary>A plugin could not be loaded and the configuration says to stop.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException(PluginLoadFailure failure, Exception inner)
        : base($"Plugin {failure.Name} ({failure.Path}) could not be loaded: {failure.Error}", inner)
    {
        Failure = failure;
    }

    public PluginLoadFailure Failure { get; }
}
