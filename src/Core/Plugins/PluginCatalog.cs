namespace CaseIngest.Core.Plugins;

/// <summary>What the loader found under the plugins folder: the plugins it loaded and the ones it could not.</summary>
public sealed class PluginCatalog
{
    public PluginCatalog(string directory, IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginLoadFailure> failures)
    {
        Directory = directory;
        Plugins = plugins;
        Failures = failures;
    }

    /// <summary>The plugins folder that was scanned.</summary>
    public string Directory { get; }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    /// <summary>An empty catalog, for hosts that register steps themselves (tests).</summary>
    public static PluginCatalog Empty { get; } = new("", [], []);
}

/// <summary>A plugin folder whose assembly loaded and whose registrars ran.</summary>
/// <param name="Name">The folder's name, which is the plugin's name.</param>
/// <param name="AssemblyPath">Its <c>&lt;Name&gt;.dll</c>.</param>
/// <param name="AssemblyVersion">The assembly's informational version.</param>
public sealed record LoadedPlugin(string Name, string AssemblyPath, string AssemblyVersion);

/// <summary>A plugin folder that was skipped.</summary>
public sealed record PluginLoadFailure(string Name, string Path, string Error);
