using System.Reflection;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Documents.Docx;
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
    // The types whose identity host and plugin must share: the contract, the DI/logging/configuration/options
    // abstractions that cross the boundary, and the shared document reading (a package's .docx parsed once). Everything else a plugin brings stays private to it.
    private static readonly Type[] s_sharedTypes =
    [
        typeof(IPluginRegistrar),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(IConfiguration),
        typeof(IOptions<>),
        typeof(DocxDocumentCache),
    ];

    /// <summary>Loads the plugins and registers their services and steps. A plugin that cannot be loaded is reported in
    /// the catalog; <see cref="Startup.HostStartup"/> decides whether that stops the start.</summary>
    /// <param name="services">Where the registrars add their services.</param>
    /// <param name="configuration">The whole configuration (the loader reads <c>Plugins</c>).</param>
    /// <param name="include">Which plugin names to load (all enabled ones when null).</param>
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
            if ((include is not null && !include(name)) || !PluginSettings.IsEnabled(configuration, name))
            {
                continue;
            }

            var assemblyPath = Path.Combine(folder, name + ".dll");
            // A plugin that fails half-way must leave nothing behind: its registrations are rolled back.
            var registered = services.Count;
            try
            {
                loaded.Add(LoadOne(services, configuration, name, assemblyPath));
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileLoadException
                                           or FileNotFoundException or BadImageFormatException or MissingMethodException
                                           or TargetInvocationException or InvalidOperationException)
            {
                while (services.Count > registered)
                {
                    services.RemoveAt(services.Count - 1);
                }

                failures.Add(new PluginLoadFailure(name, assemblyPath, Describe(ex)));
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
        var first = services.Count;
        foreach (var type in registrars)
        {
            var registrar = (IPluginRegistrar)(Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Could not create {type.FullName}."));
            registrar.Register(services, section);
        }

        // The informational version carries "+<commit>"; records and `caseingest plugins` show the release.
        var version = (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                       ?? assembly.GetName().Version?.ToString() ?? "?").Split('+')[0];
        NameTheStep(services, first, name, version);
        if (PluginSettings.IsChildProcess(section[nameof(PluginSettings.Isolation)]))
        {
            DropWarmUps(services, first);
        }

        return new LoadedPlugin(name, assemblyPath, version);
    }

    /// <summary>Removes the warm-ups (<see cref="IWarmUp"/>) a plugin registered: its step runs in a child process, so
    /// what they would load into this one (the OCR engines, say) would only take memory here.</summary>
    public static void DropWarmUps(IServiceCollection services, int firstOfPlugin)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = services.Count - 1; i >= firstOfPlugin; i--)
        {
            if (services[i].ServiceType == typeof(IWarmUp))
            {
                services.RemoveAt(i);
            }
        }
    }

    /// <summary>Turns the step the plugin declared (<see cref="StepRegistration"/>) into the host's
    /// <see cref="PluginStep"/>, named after the plugin's folder and versioned by its assembly.</summary>
    public static void NameTheStep(IServiceCollection services, int firstOfPlugin, string name, string version)
    {
        ArgumentNullException.ThrowIfNull(services);
        var declared = new List<StepRegistration>();
        for (var i = services.Count - 1; i >= firstOfPlugin; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(ISubmissionStep))
            {
                throw new InvalidOperationException(
                    $"{name} registers {nameof(ISubmissionStep)} directly; register its step with services.AddSubmissionStep<TStep>(needs).");
            }

            if (descriptor.ServiceType == typeof(StepRegistration) && descriptor.ImplementationInstance is StepRegistration registration)
            {
                declared.Add(registration);
                services.RemoveAt(i);
            }
        }

        if (declared.Count > 1)
        {
            throw new InvalidOperationException($"{name} registers {declared.Count} steps; a plugin has one step, named after its folder.");
        }

        if (declared.Count == 1)
        {
            services.AddSingleton(new PluginStep(name, version, declared[0].Needs, declared[0].StepType));
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        ReflectionTypeLoadException rtle => "types failed to load (incompatible Abstractions version?): " +
                                            string.Join("; ", rtle.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct()),
        TargetInvocationException { InnerException: { } inner } => inner.GetType().Name + ": " + inner.Message,
        _ => ex.GetType().Name + ": " + ex.Message,
    };
}
