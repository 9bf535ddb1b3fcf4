namespace CaseIngest.Testing;

/// <summary>A temporary folder laid out as a host installation: a plugins folder holding the chosen test plugins (built
/// into artifacts/&lt;Configuration&gt;/testplugins/), a package store, a work folder and an index, with the configuration
/// that points the host at them.</summary>
internal sealed class TestHostFolder : IDisposable
{
    private readonly TemporaryDirectory _root = new("caseingest-host-tests-");

    public TestHostFolder(params string[] plugins)
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

    /// <summary>caseingest.dll in the test's output folder (test projects that reference the host): the executable the
    /// CLI tests run and the child host of <c>Isolation=process</c>.</summary>
    public static string ChildHost => Path.Combine(AppContext.BaseDirectory, "caseingest.dll");

    public Dictionary<string, string?> BaseConfiguration() => new()
    {
        ["Plugins:Path"] = PluginsFolder,
        ["Store:Path"] = Path.Combine(Root, "store"),
        ["Pipeline:WorkPath"] = Path.Combine(Root, "work"),
        ["Pipeline:ChildHost"] = ChildHost,
        ["Search:Lucene:Path"] = Path.Combine(Root, "index"),
    };

    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Copies a built test plugin's folder into <paramref name="pluginsFolder"/>.</summary>
    public static void CopyPlugin(string plugin, string pluginsFolder)
    {
        var source = Path.Combine(TestPaths.BuiltTestPlugins, plugin);
        var target = Path.Combine(pluginsFolder, plugin);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => _root.Dispose();
}
