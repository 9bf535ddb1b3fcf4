using CaseIngest.Core;
using CaseIngest.Core.Startup;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Core.Tests.Support;

/// <summary>A temporary folder with a plugins folder holding the chosen test plugins (built into
/// artifacts/<Configuration>/testplugins/), a package store and a work folder, and the core composed over them.</summary>
internal sealed class CoreTestHost : IDisposable
{
    private readonly TemporaryDirectory _root = new("caseingest-core-tests-");

    public CoreTestHost(params string[] plugins)
    {
        PluginsFolder = Path.Combine(Root, "plugins");
        Directory.CreateDirectory(PluginsFolder);
        foreach (var plugin in plugins)
        {
            CopyPlugin(plugin, PluginsFolder);
        }
    }

    public string Root => _root.Path;

    public string PluginsFolder { get; }

    public static string BuiltTestPlugins => TestPaths.BuiltTestPlugins;

    /// <summary>caseingest.dll in the test's output folder (the host project is referenced): the child host.</summary>
    public static string ChildHost => Path.Combine(AppContext.BaseDirectory, "caseingest.dll");

    public Dictionary<string, string?> BaseConfiguration() => new()
    {
        ["Plugins:Path"] = PluginsFolder,
        ["Store:Path"] = Path.Combine(Root, "store"),
        ["Pipeline:WorkPath"] = Path.Combine(Root, "work"),
        ["Pipeline:ChildHost"] = ChildHost,
        ["Search:Lucene:Path"] = Path.Combine(Root, "index"),
    };

    /// <summary>The core composed over this folder, started as every host starts it (<see cref="HostStartup"/>).</summary>
    /// <exception cref="StartupException">The composition is wrong.</exception>
    public ServiceProvider BuildCore(IDictionary<string, string?>? settings = null)
    {
        var values = BaseConfiguration();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddCaseIngestCore(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            HostStartup.Check(provider);
            return provider;
        }
        catch (StartupException)
        {
            provider.Dispose();
            throw;
        }
    }

    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void CopyPlugin(string plugin, string pluginsFolder)
    {
        var source = Path.Combine(BuiltTestPlugins, plugin);
        var target = Path.Combine(pluginsFolder, plugin);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => _root.Dispose();
}
