using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Packages;
using CaseIngest.Messaging.Enqueue;
using CaseIngest.Plugins.FormFields;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Plugins.OcrStamps.Pages;
using CaseIngest.Plugins.StructureChecks;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Fuzz;

/// <summary>One reader of untrusted bytes: the file extension its inputs get, its seeds, and how one input is read.
/// <see cref="ReadAsync"/> must return (any finding or problem it reports is fine) and never throw.</summary>
internal sealed record FuzzTarget(string Name, string Extension, IReadOnlyList<string> Seeds,
    Func<string, string, CancellationToken, Task> ReadAsync)
{
    public bool IsZipContainer => Extension is ".zip" or ".docx";
}

/// <summary>The readers fuzzed, as the host runs them: the core's package reader (zip), the manifest readers of the core
/// and of bulk enqueue (JSON), the FormFields and StructureChecks steps (.docx through OpenXml, and PDF), and OcrStamps'
/// page loader (JPEG, PNG, TIFF, PDF).</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All(string repositoryRoot)
    {
        var corpus = Path.Combine(repositoryRoot, "tests", "corpus", "packages");
        var realWorld = Path.Combine(repositoryRoot, "tests", "real-world");
        var extra = Path.Combine(repositoryRoot, "tests", "corpus-extra");
        string[] Files(params string[] extensions) => new[] { corpus, realWorld, extra }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && new FileInfo(f).Length < 8 * 1024 * 1024)
            .Order(StringComparer.Ordinal).ToArray();

        var packageReader = new PackageReader(Options.Create(new PackageLimits()));
        var formFields = PluginSteps.Compose(new FormFieldsRegistrar(), FormFieldsOptions.SectionName);
        var structureChecks = PluginSteps.Compose(new StructureChecksRegistrar(), "Plugins:StructureChecks");
        var pages = new PageImageLoader(Options.Create(new OcrStampsOptions()));
        var docx = Files(".docx");
        var pdf = Files(".pdf");

        return
        [
            new("zip", ".zip", Files(".zip"), async (path, work, ct) =>
            {
                var package = await packageReader.ReadAsync(path, work, ct);
                _ = package.Files.Count + package.Problems.Count;
            }),
            new("manifest", ".json", Files(".json").Where(f => Path.GetFileName(f).StartsWith("manifest", StringComparison.Ordinal)).ToArray(),
                (path, work, ct) =>
                {
                    _ = PackageManifest.TryRead(path);
                    // Bulk enqueue reads manifest.json out of the package folder.
                    File.Copy(path, Path.Combine(work, "manifest.json"), overwrite: true);
                    _ = PackageManifestReader.Read(work);
                    return Task.CompletedTask;
                }),
            new("form-docx", ".docx", docx, (path, _, ct) => RunStepAsync(formFields, path, FileRole.Form, ct)),
            new("report-docx", ".docx", docx, (path, _, ct) => RunStepAsync(structureChecks, path, FileRole.Report, ct)),
            new("report-pdf", ".pdf", pdf, (path, _, ct) => RunStepAsync(structureChecks, path, FileRole.Report, ct)),
            new("form-pdf", ".pdf", pdf, (path, _, ct) => RunStepAsync(formFields, path, FileRole.Form, ct)),
            new("page-image", ".jpg", Files(".jpg", ".jpeg"), (path, _, ct) => LoadPagesAsync(pages, path, "page.jpg", ct)),
            new("page-png", ".png", Files(".png"), (path, _, ct) => LoadPagesAsync(pages, path, "page.png", ct)),
            new("page-pdf", ".pdf", pdf, (path, _, ct) => LoadPagesAsync(pages, path, "page.pdf", ct)),
        ];
    }

    private static async Task RunStepAsync(ServiceProvider services, string path, FileRole role, CancellationToken cancellationToken)
    {
        var record = new CaseRecord { SubmissionId = "FUZZ", RuleSet = "edition-8" };
        var context = PluginSteps.Context(record, [TestPackageFiles.Of(path, role, "fuzz" + Path.GetExtension(path))]);
        await using var scope = services.CreateAsyncScope();
        var step = PluginSteps.Step(scope.ServiceProvider);
        if (step.CanRun(context))
        {
            await step.RunAsync(context, cancellationToken);
        }
    }

    private static async Task LoadPagesAsync(PageImageLoader loader, string path, string name, CancellationToken cancellationToken)
    {
        foreach (var page in await loader.LoadAsync(name, path, cancellationToken))
        {
            page.Dispose();
        }
    }
}
