using System.Reflection;

namespace CaseIngest.Testing;

/// <summary>Where the repository's test data is, found from the test's output folder upwards.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> s_repoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseIngest.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The sample corpus copied into the repository (packages + expected records).</summary>
    public static string Corpus => Path.Combine(RepoRoot, "tests", "corpus");

    public static string CorpusPackages => Path.Combine(Corpus, "packages");

    public static string CorpusExpected => Path.Combine(Corpus, "expected");

    /// <summary>The second labelled corpus (E01…), laid out like <see cref="Corpus"/>.</summary>
    public static string CorpusExtra => Path.Combine(RepoRoot, "tests", "corpus-extra");

    /// <summary>Real-world files whose licence lets them live in the repository (MIT, Apache-2.0).</summary>
    public static string RealWorld => Path.Combine(RepoRoot, "tests", "real-world");

    /// <summary>The workplace's shared folder with every real-world file; null outside the workplace.</summary>
    public static string? SharedRealWorld
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "real-world"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The configuration the tests were built in (Debug, Release): plugins are built per configuration.</summary>
    public static string Configuration =>
        typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built plugins (artifacts/&lt;Configuration&gt;/plugins/&lt;Name&gt;/).</summary>
    public static string BuiltPlugins => Path.Combine(RepoRoot, "artifacts", Configuration, "plugins");

    /// <summary>The plugins made for the loader tests (artifacts/&lt;Configuration&gt;/testplugins/&lt;Name&gt;/).</summary>
    public static string BuiltTestPlugins => Path.Combine(RepoRoot, "artifacts", Configuration, "testplugins");

    /// <summary>A package by id, in whichever corpus holds it: the folder Dnn or the file Dnn.zip.</summary>
    public static string CorpusPackage(string id)
    {
        var packages = Path.Combine(CorpusOf(id), "packages");
        var dir = Path.Combine(packages, id);
        return Directory.Exists(dir) ? dir : Path.Combine(packages, id + ".zip");
    }

    /// <summary>The expected record of a package, in whichever corpus holds it.</summary>
    public static string CorpusExpectedFile(string id) => Path.Combine(CorpusOf(id), "expected", id + ".json");

    /// <summary>Every corpus id (D01…).</summary>
    public static IReadOnlyList<string> CorpusIds => IdsIn(Corpus);

    /// <summary>Every id of the second corpus (E01…).</summary>
    public static IReadOnlyList<string> CorpusExtraIds => IdsIn(CorpusExtra);

    private static string CorpusOf(string id) =>
        File.Exists(Path.Combine(CorpusExtra, "expected", id + ".json")) ? CorpusExtra : Corpus;

    private static List<string> IdsIn(string corpus) =>
        Directory.EnumerateFiles(Path.Combine(corpus, "expected"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();
}
