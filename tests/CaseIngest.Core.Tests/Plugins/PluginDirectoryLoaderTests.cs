using CaseIngest.Abstractions.Plugins;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Startup;
using CaseIngest.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Plugins;

public sealed class PluginDirectoryLoaderTests
{
    [Fact]
    public void Load_TestPluginInTemporaryFolder_NamesItsStepAfterTheFolderWithTheAssemblysVersion()
    {
        using var host = new TestHostFolder("EchoPlugin");
        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:EchoPlugin:Needs"] = "" });

        var catalog = provider.GetRequiredService<PluginCatalog>();
        var step = Assert.Single(provider.GetServices<PluginStep>());
        using var scope = provider.CreateScope();

        Assert.Equal("EchoPlugin", step.Name);
        Assert.Equal("1.2.3", step.Version);
        Assert.Empty(step.Needs);
        Assert.Equal("EchoPluginStep", step.Resolve(scope.ServiceProvider).GetType().Name);
        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal("EchoPlugin", plugin.Name);
        Assert.Equal("1.2.3", plugin.AssemblyVersion);
        Assert.Empty(catalog.Failures);
    }

    [Fact]
    public void Load_NeedsDeclaredAtRegistration_AreTheStepsNeeds()
    {
        using var host = new TestHostFolder("EchoPlugin", "DependentPlugin");
        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:DependentPlugin:Needs"] = "EchoPlugin" });

        var dependent = provider.GetServices<PluginStep>().Single(s => s.Name == "DependentPlugin");

        Assert.Equal(["EchoPlugin"], dependent.Needs);
    }

    [Theory]
    [InlineData("inprocess", 1)]
    [InlineData("process", 0)]
    public void Load_PluginWithAWarmUp_KeepsItOnlyWhenTheStepRunsInThisProcess(string isolation, int warmUps)
    {
        using var host = new TestHostFolder("EchoPlugin");
        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:EchoPlugin:Isolation"] = isolation });

        Assert.Equal(warmUps, provider.GetServices<IWarmUp>().Count());
    }

    [Fact]
    public void Load_PluginDisabledInConfiguration_IsNotLoaded()
    {
        using var host = new TestHostFolder("EchoPlugin", "ThrowingPlugin");
        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:ThrowingPlugin:Enabled"] = "false" });

        Assert.Equal(["EchoPlugin"], provider.GetRequiredService<PluginCatalog>().Plugins.Select(p => p.Name));
    }

    [Fact]
    public void Load_FolderWithoutItsAssemblyAndOneWithGarbageWhenLoadErrorsAreTolerated_AreReportedAndOthersLoad()
    {
        using var host = new TestHostFolder("EchoPlugin");
        Directory.CreateDirectory(Path.Combine(host.PluginsFolder, "Empty"));
        var garbage = Path.Combine(host.PluginsFolder, "Garbage");
        Directory.CreateDirectory(garbage);
        File.WriteAllText(Path.Combine(garbage, "Garbage.dll"), "not an assembly");

        using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:FailOnLoadError"] = "false" });
        var catalog = provider.GetRequiredService<PluginCatalog>();

        Assert.Equal(["EchoPlugin"], catalog.Plugins.Select(p => p.Name));
        Assert.Equal(["Empty", "Garbage"], catalog.Failures.Select(f => f.Name).Order());
        Assert.Contains("Empty.dll", catalog.Failures.Single(f => f.Name == "Empty").Error, StringComparison.Ordinal);
        Assert.Equal(["EchoPlugin"], provider.GetServices<PluginStep>().Select(s => s.Name));
    }

    [Fact]
    public void Start_BrokenPluginByDefault_StopsNamingIt()
    {
        using var host = new TestHostFolder("EchoPlugin");
        Directory.CreateDirectory(Path.Combine(host.PluginsFolder, "Empty"));

        var error = Assert.Throws<StartupException>(() => host.BuildCore());

        Assert.StartsWith(HostStartup.Prefix + "plugin Empty could not be loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("Empty.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PluginWithInvalidOptions_StopsNamingTheSetting()
    {
        using var host = new TestHostFolder("EchoPlugin");

        var error = Assert.Throws<StartupException>(
            () => host.BuildCore(new Dictionary<string, string?> { ["Plugins:EchoPlugin:Label"] = new string('x', 21) }));

        Assert.Equal(HostStartup.Prefix + "Plugins:EchoPlugin:Label must be at most 20 characters.", error.Message);
    }

    [Fact]
    public void Start_InvalidHostSettingOfAPlugin_StopsNamingIt()
    {
        using var host = new TestHostFolder("EchoPlugin");

        var error = Assert.Throws<StartupException>(
            () => host.BuildCore(new Dictionary<string, string?> { ["Plugins:EchoPlugin:TimeoutSeconds"] = "0" }));

        Assert.Contains("Plugins:EchoPlugin:TimeoutSeconds must be positive", error.Message, StringComparison.Ordinal);
    }
}
