using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Pipeline;

/// <summary>Isolation=process: the host re-invokes itself (caseingest.dll run-plugin) for the step.</summary>
public sealed class ProcessIsolationTests
{
    [Fact]
    public async Task ProcessAsync_IsolatedPlugin_RunsInAChildAndItsOutputIsAdopted()
    {
        using var host = new TestHostFolder("EchoPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:EchoPlugin:Isolation"] = "process" });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        Assert.Equal(PluginOutcomes.Ok, record.Plugins.Single().Outcome);
        var caseName = record.Form?.CaseName ?? "";
        Assert.StartsWith("echo:4:", caseName, StringComparison.Ordinal);
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), caseName.Split(':')[2]);
        Assert.Equal("Form,Manifest,Report,StampPage", record.Findings.Single(f => f.Code == "echo" && f.Plugin == "EchoPlugin").Evidence);
    }

    [Fact]
    public async Task ProcessAsync_IsolatedPluginCrashesNatively_CostsOnlyThatPlugin()
    {
        using var host = new TestHostFolder("EchoPlugin", "CrashingPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:CrashingPlugin:Isolation"] = "process" });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var failed = Assert.Single(record.Findings, f => f.Code == FindingCodes.PluginFailed);
        Assert.Equal("CrashingPlugin", failed.Plugin);
        Assert.Contains("exited with code", failed.Message, StringComparison.Ordinal);
        Assert.Contains(record.Findings, f => f.Code == "echo");
        Assert.Equal(Verdict.Failed, record.Verdict);
    }

    [Fact]
    public async Task ProcessAsync_IsolatedPluginHangs_IsKilledAtItsTimeout()
    {
        using var host = new TestHostFolder("EchoPlugin", "HangingPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?>
        {
            ["Plugins:HangingPlugin:Isolation"] = "process",
            ["Plugins:HangingPlugin:TimeoutSeconds"] = "3",
        });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var failed = Assert.Single(record.Findings, f => f.Code == FindingCodes.PluginFailed);
        Assert.Equal("HangingPlugin", failed.Plugin);
        Assert.Contains("killed", failed.Message, StringComparison.Ordinal);
        Assert.Contains(record.Findings, f => f.Code == "echo");
    }
}
