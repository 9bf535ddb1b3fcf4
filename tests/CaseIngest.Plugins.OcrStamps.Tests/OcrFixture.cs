using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Engines;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Plugins.OcrStamps.Tests;

/// <summary>
/// The engines every OCR test shares (creating them costs seconds): the plugin composed as the host composes it, with
/// the default engine, plus a Tesseract pool with the plugin's settings for the tests that exercise the second engine.
/// </summary>
public sealed class OcrFixture : IDisposable
{
    private readonly Lazy<OcrEnginePool> _tesseract;

    public OcrFixture()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelPath"] = Path.Combine(TestPaths.RepoRoot, ".models"),
        }).Build();
        // A plugin's own services, as PluginSteps composes them (and for the same reason not through HostStartup.Build).
        var services = new ServiceCollection();
        services.AddLogging();
        new OcrStampsRegistrar().Register(services, configuration);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _tesseract = new Lazy<OcrEnginePool>(() => OcrEngineFactory.CreatePool(new OcrStampsOptions { Engine = OcrEngineKind.Tesseract }));
        Work = Directory.CreateTempSubdirectory("ocrstamps-tests-");
    }

    public ServiceProvider Services { get; }

    public DirectoryInfo Work { get; }

    /// <summary>The default engine's pool, as the step uses it.</summary>
    internal OcrEnginePool DefaultEngines => Services.GetRequiredService<OcrEngineProvider>().Pool;

    internal OcrEnginePool TesseractEngines => _tesseract.Value;

    /// <summary>Runs the step on signature-page files as the host would, with the form's units already read.</summary>
    public async Task<CaseRecord> RunStepAsync(IEnumerable<string> stampPages, string? applicant = null, string? recommender = null)
    {
        var record = new CaseRecord { SubmissionId = "test", Form = new FormSection { Applicant = applicant, Recommender = recommender } };
        var files = stampPages.Select(p => new PackageFile(Path.GetFileName(p), p, FileRole.StampPage, "", new FileInfo(p).Length)).ToList();
        var context = new SubmissionContext(record, files, "edition-8", NullLogger.Instance);
        await using var scope = Services.CreateAsyncScope();
        var step = CaseIngest.Testing.PluginSteps.Step(scope.ServiceProvider);
        Assert.True(step.CanRun(context));
        await step.RunAsync(context, CancellationToken.None);
        return record;
    }

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Work.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (_tesseract.IsValueCreated)
        {
            _tesseract.Value.Dispose();
        }

        Services.Dispose();
        Work.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class OcrEnginesGroup : ICollectionFixture<OcrFixture>
{
    public const string Name = "OCR engines";
}
