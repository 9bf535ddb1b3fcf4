using CaseIngest.Abstractions.Plugins;
using CaseIngest.Ocr.Engines;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Plugins.OcrStamps.Tests.Engines;

/// <summary>The warm-up the plugin gives a worker: its own services each time (the shared fixture's engines already
/// exist), composed as the host composes the plugin.</summary>
[Collection(OcrEnginesGroup.Name)]
public sealed class WarmUpTests
{
    [Fact]
    public async Task WarmUp_Default_CreatesTheEnginesBeforeAnyPage()
    {
        using var services = Compose(new() { ["ModelPath"] = Path.Combine(TestPaths.RepoRoot, ".models") });
        var engines = services.GetRequiredService<OcrEngineProvider>();
        var warmUp = Assert.Single(services.GetServices<IWarmUp>());
        Assert.False(engines.EnginesCreated);

        await warmUp.WarmUpAsync(CancellationToken.None);

        Assert.True(engines.EnginesCreated);
        Assert.Equal("OcrStamps engines", warmUp.Name);
    }

    [Fact]
    public async Task WarmUp_TurnedOff_LeavesTheEnginesForTheFirstPage()
    {
        using var services = Compose(new() { ["ModelPath"] = Path.Combine(TestPaths.RepoRoot, ".models"), ["WarmUp"] = "false" });

        await Assert.Single(services.GetServices<IWarmUp>()).WarmUpAsync(CancellationToken.None);

        Assert.False(services.GetRequiredService<OcrEngineProvider>().EnginesCreated);
    }

    [Fact]
    public async Task WarmUp_ModelMissing_ThrowsNamingTheFile()
    {
        var empty = Directory.CreateTempSubdirectory("ocrstamps-no-models-");
        try
        {
            using var services = Compose(new() { ["ModelPath"] = empty.FullName });

            var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Assert.Single(services.GetServices<IWarmUp>()).WarmUpAsync(CancellationToken.None));

            Assert.Contains("ch_PP-OCRv4_det_infer.onnx", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static ServiceProvider Compose(Dictionary<string, string?> section)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        new OcrStampsRegistrar().Register(services, new ConfigurationBuilder().AddInMemoryCollection(section).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
