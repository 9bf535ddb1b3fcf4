using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.MicroBench.Fixtures;

/// <summary>A corpus package read once (extracted, roles detected) and plugins composed through their public registrars,
/// so a benchmark measures one step's <see cref="ISubmissionStep.RunAsync"/> and nothing around it.</summary>
public static class CorpusPackage
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string PathOf(string id)
    {
        var folder = Path.Combine(RepoRoot, "tests", "corpus", "packages", id);
        return Directory.Exists(folder) ? folder : folder + ".zip";
    }

    public static PackageReader NewReader() => new(Options.Create(new PackageLimits()));

    /// <summary>The package's files with their roles, extracted under <paramref name="workFolder"/>.</summary>
    public static async Task<IReadOnlyList<PackageFile>> ReadAsync(string id, string workFolder)
    {
        var package = await NewReader().ReadAsync(PathOf(id), workFolder, CancellationToken.None);
        var roles = new FileRoleDetector();
        return [.. package.Files.Select(f => new PackageFile(f.Name, f.Path, roles.Detect(f.Name, f.Path), f.Sha256, f.Bytes))];
    }

    /// <summary>The step a plugin's registrar registers, resolved from a provider of its own (section <c>Plugins:Name</c> empty: defaults).</summary>
    public static ISubmissionStep StepOf(IPluginRegistrar registrar)
    {
        // Started as the host starts a plugin's services: its options validated before the first package.
        var scope = HostStartup.Build(services => registrar.Register(services.AddLogging(), new ConfigurationBuilder().Build()))
            .CreateScope().ServiceProvider;
        return (ISubmissionStep)scope.GetRequiredService(scope.GetRequiredService<StepRegistration>().StepType);
    }

    public static SubmissionContext Context(CaseRecord record, IReadOnlyList<PackageFile> files) =>
        new(record, files, "edition-8", NullLogger.Instance);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseIngest.sln not found above " + AppContext.BaseDirectory);
    }
}
