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

    /// <summary>The second sample corpus (E01…: other writers, borderline types, one 其他), with the source texts behind
    /// both corpora (<c>texts/</c>) and its README mapping packages to texts.</summary>
    public static string CorpusExtra => Path.Combine(RepoRoot, "tests", "corpus-extra");

    /// <summary>Every id of the second corpus (E01…).</summary>
    public static IReadOnlyList<string> CorpusExtraIds =>
        Directory.EnumerateFiles(Path.Combine(CorpusExtra, "expected"), "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList()!;

    /// <summary>The expected record of a package of either corpus (D… in tests/corpus, E… in tests/corpus-extra).</summary>
    public static string ExpectedRecord(string id) => Path.Combine(CorpusOf(id), "expected", id + ".json");

    private static string CorpusOf(string id) => id.StartsWith('E') ? CorpusExtra : Corpus;

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

    /// <summary>The corpus's D13 signature page as a three-frame TIFF (LZW colour, CCITT G4, JPEG grey; how it was made:
    /// <c>tests/Shared/Files/README.md</c>).</summary>
    public static string ThreeFrameTiff => Path.Combine(RepoRoot, "tests", "Shared", "Files", "signature-pages-3-frames.tif");

    /// <summary>The configuration the tests were built in (Debug, Release): plugins are built per configuration.</summary>
    public static string Configuration =>
        typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built plugins (artifacts/&lt;Configuration&gt;/plugins/&lt;Name&gt;/).</summary>
    public static string BuiltPlugins => Path.Combine(RepoRoot, "artifacts", Configuration, "plugins");

    /// <summary>The plugins made for the loader tests (artifacts/&lt;Configuration&gt;/testplugins/&lt;Name&gt;/).</summary>
    public static string BuiltTestPlugins => Path.Combine(RepoRoot, "artifacts", Configuration, "testplugins");

    /// <summary>A package of either corpus by id: the folder Dnn/Enn or the file Dnn.zip/Enn.zip.</summary>
    public static string CorpusPackage(string id)
    {
        var packages = Path.Combine(CorpusOf(id), "packages");
        var dir = Path.Combine(packages, id);
        return Directory.Exists(dir) ? dir : Path.Combine(packages, id + ".zip");
    }

    /// <summary>Every corpus id (D01…).</summary>
    public static IReadOnlyList<string> CorpusIds =>
        Directory.EnumerateFiles(CorpusExpected, "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList()!;
}
