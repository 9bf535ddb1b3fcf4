using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Storage;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Pipeline;

public sealed class RecheckTests
{
    [Fact]
    public async Task RecheckAsync_StoredPackage_RerunsRecheckablePluginsAndKeepsTheOthersOutput()
    {
        using var host = new CoreTestHost("EchoPlugin", "DependentPlugin");
        Dictionary<string, string?> settings = new() { ["Plugins:EchoPlugin:Recheck"] = "false" };
        CaseRecord first;
        await using (var provider = host.BuildCore(settings))
        {
            first = await provider.ProcessAsync(TestPaths.CorpusPackage("D02"));
            Assert.NotNull(provider.GetRequiredService<IPackageStore>().Find(first.PackageSha256!));
        }

        first.Review = new ReviewSection { ConfirmedType = CaseTypes.Management };
        first.Findings.Add(new Finding { Code = "stale_rule", Severity = Severity.Error, Plugin = "DependentPlugin" });
        await using (var provider = host.BuildCore(settings))
        {
            var result = await provider.GetRequiredService<ISubmissionRechecker>().RecheckAsync(first, CancellationToken.None);

            Assert.True(result.PackageFound);
            Assert.DoesNotContain(result.Record.Findings, f => f.Code == "stale_rule");
            Assert.Single(result.Record.Findings, f => f.Code == "echo");
            Assert.Single(result.Record.Findings, f => f.Code == "dependent_saw");
            Assert.Equal(first.Form?.CaseName, result.Record.Form?.CaseName);
            Assert.Equal(CaseTypes.Management, result.Record.Review?.ConfirmedType);
            Assert.Equal(first.Plugins.Single(p => p.Name == "EchoPlugin").ElapsedMs, result.Record.Plugins.Single(p => p.Name == "EchoPlugin").ElapsedMs);
            Assert.Equal(Verdict.Accepted, result.Record.Verdict);
        }
    }

    [Fact]
    public async Task RecheckAsync_PackageNotInTheStore_ReturnsTheStoredRecord()
    {
        using var host = new CoreTestHost();
        await using var provider = host.BuildCore();
        var stored = new CaseRecord { SubmissionId = "X", PackageSha256 = new string('a', 64) };

        var result = await provider.GetRequiredService<ISubmissionRechecker>().RecheckAsync(stored, CancellationToken.None);

        Assert.False(result.PackageFound);
        Assert.Same(stored, result.Record);
    }
}
