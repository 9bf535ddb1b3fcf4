using CaseIngest.Abstractions.Records;
using CaseIngest.Core;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>What a worker runs: the core with the real plugins (artifacts/&lt;Configuration&gt;/plugins, built by the
/// solution's build: FormFields, OCR of the stamps, StructureChecks, Classification, RubricCoverage) over the web app's
/// package store, with OCR kept on recheck as the shipped settings keep it. The web app only reads what it produces.</summary>
public sealed class RealPipeline : IAsyncDisposable
{
    private readonly ServiceProvider _core;

    public RealPipeline(string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugins:Path"] = TestPaths.BuiltPlugins,
            ["Plugins:OcrStamps:Recheck"] = "false",
            ["Store:Path"] = Path.Combine(root, "store"),
            ["Pipeline:WorkPath"] = Path.Combine(root, "work"),
        }).Build();
        _core = HostStartup.Build(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            services.AddCaseIngestCore(configuration);
        });
    }

    /// <summary>The ingestion path: reads the package, runs every plugin, keeps the package in the store.</summary>
    public Task<CaseRecord> ProcessAsync(string package) =>
        _core.GetRequiredService<ISubmissionProcessor>().ProcessAsync(package, null, CancellationToken.None);

    /// <summary><c>caseingest recheck</c>'s step: the checks run again on the stored package.</summary>
    public async Task<CaseRecord> RecheckAsync(CaseRecord stored)
    {
        var result = await _core.GetRequiredService<ISubmissionRechecker>().RecheckAsync(stored, CancellationToken.None);
        Assert.True(result.PackageFound, $"{stored.SubmissionId}: package {stored.PackageSha256} not in the store");
        return result.Record;
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();
}
