using CaseIngest.Abstractions.Plugins;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Plugins;

public sealed class PluginDirectoryLoaderTests
{
    [Fact]
    public void Load_TestPluginInTemporaryFolder_RegistersItsStepWithVersion()
    {
        using var host = new CoreTestHost("EchoPlugin");
        using var provider = host.BuildCore();

        var catalog = provider.GetRequiredService<PluginCatalog>();
        using var scope = provider.CreateScope();
        var step = Assert.Single(scope.ServiceProvider.GetServices<ISubmissionStep>());

        Assert.Equal("EchoPlugin", step.Name);
        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal("EchoPlugin", plugin.Name);
        Assert.Equal("1.2.3", plugin.AssemblyVersion);
        Assert.Empty(catalog.Failures);
    }

    [Fact]
    public void Load_PluginDisabledInConfiguration_IsNotLoaded()
    {
        using var host = new CoreTestHost("EchoPlugin", "ThrowingPlugin");
        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:ThrowingPlugin:Enabled"] = "false" });

        Assert.Equal(["EchoPlugin"], provider.GetRequiredService<PluginCatalog>().Plugins.Select(p => p.Name));
    }

    [Fact]
    public void Load_FolderWithoutItsAssemblyAndOneWithGarbage_AreReportedAndOthersLoad()
    {
        using var host = new CoreTestHost("EchoPlugin");
        Directory.CreateDirectory(Path.Combine(host.PluginsFolder, "Empty"));
        var garbage = Path.Combine(host.PluginsFolder, "Garbage");
        Directory.CreateDirectory(garbage);
        File.WriteAllText(Path.Combine(garbage, "Garbage.dll"), "not an assembly");

        using var provider = host.BuildCore();
        var catalog = provider.GetRequiredService<PluginCatalog>();

        Assert.Equal(["EchoPlugin"], catalog.Plugins.Select(p => p.Name));
        Assert.Equal(["Empty", "Garbage"], catalog.Failures.Select(f => f.Name).Order());
        Assert.Contains("Empty.dll", catalog.Failures.Single(f => f.Name == "Empty").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenPluginWithFailOnLoadError_Throws()
    {
        using var host = new CoreTestHost();
        Directory.CreateDirectory(Path.Combine(host.PluginsFolder, "Empty"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(host.BaseConfiguration())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:FailOnLoadError"] = "true" }).Build();

        var error = Assert.Throws<PluginLoadException>(() => PluginDirectoryLoader.Load(new ServiceCollection(), configuration));

        Assert.Equal("Empty", error.Failure.Name);
    }
}
