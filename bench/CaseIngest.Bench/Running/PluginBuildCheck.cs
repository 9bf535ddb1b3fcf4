namespace CaseIngest.Bench.Running;

/// <summary>Plugins build into the shared artifacts/plugins/ whatever the configuration, and the host copies them from
/// there; a Debug build by someone else in between leaves Debug plugins beside a Release host. This says which plugins
/// under the measured host are not this configuration's own compiler output, so the table can say so.</summary>
public static class PluginBuildCheck
{
    public static IReadOnlyList<string> Mismatches(BenchEnvironment environment)
    {
        var pluginsFolder = Path.Combine(Path.GetDirectoryName(environment.HostExecutable)!, "plugins");
        if (!Directory.Exists(pluginsFolder))
        {
            return ["no plugins folder beside " + environment.HostExecutable];
        }

        var mismatches = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(pluginsFolder))
        {
            var name = Path.GetFileName(folder);
            var shipped = Path.Combine(folder, name + ".dll");
            var built = Path.Combine(environment.RepoRoot, "plugins", name, "obj", environment.Options.Configuration, "net10.0", name + ".dll");
            if (!File.Exists(built) || !File.Exists(shipped) || !File.ReadAllBytes(shipped).AsSpan().SequenceEqual(File.ReadAllBytes(built)))
            {
                mismatches.Add(name);
            }
        }

        return mismatches;
    }
}
