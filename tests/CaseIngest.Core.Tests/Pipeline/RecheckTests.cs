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
        using var host = new TestHostFolder("EchoPlugin", "DependentPlugin");
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
    public async Task RecheckAsync_RecordCheckedBeforeTheNoticeRules_GainsTheirFindingsWithTheFormsFields()
    {
        // The real FormFields and StructureChecks (built into artifacts/<Configuration>/plugins by the solution's build).
        using var host = new TestHostFolder();
        Dictionary<string, string?> settings = new()
        {
            ["Plugins:Path"] = TestPaths.BuiltPlugins,
            ["Plugins:OcrStamps:Enabled"] = "false",
            ["Plugins:Classification:Enabled"] = "false",
            ["Plugins:RubricCoverage:Enabled"] = "false",
        };
        await using var provider = host.BuildCore(settings);
        var stored = await provider.ProcessAsync(TestPaths.CorpusPackage("E08"));
        // As a record stored before the rules existed: neither the finding nor the go-live month.
        stored.Findings.RemoveAll(f => f.Code == FindingCodes.CompanyAsShortName);
        stored.Report!.ImplementationStart = null;

        var result = await provider.GetRequiredService<ISubmissionRechecker>().RecheckAsync(stored, CancellationToken.None);

        Assert.True(result.PackageFound);
        var finding = Assert.Single(result.Record.Findings, f => f.Code == FindingCodes.CompanyAsShortName);
        Assert.Equal("StructureChecks", finding.Plugin);
        Assert.Equal("edition-8", finding.RuleSet);
        Assert.Equal("2023-12", result.Record.Report!.ImplementationStart);
        // The company line is held against the applicant FormFields read (it is the same company): no mismatch.
        Assert.False(string.IsNullOrEmpty(result.Record.Form?.Applicant));
        Assert.DoesNotContain(result.Record.Findings, f => f.Code is FindingCodes.CompanyLineMismatch or FindingCodes.IndicatorReportMismatch);
    }

    [Fact]
    public async Task RecheckAsync_PackageNotInTheStore_ReturnsTheStoredRecord()
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore();
        var stored = new CaseRecord { SubmissionId = "X", PackageSha256 = new string('a', 64) };

        var result = await provider.GetRequiredService<ISubmissionRechecker>().RecheckAsync(stored, CancellationToken.None);

        Assert.False(result.PackageFound);
        Assert.Same(stored, result.Record);
    }
}
