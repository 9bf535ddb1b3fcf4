using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Startup;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Pipeline;

public sealed class PipelineRunnerTests
{
    [Fact]
    public async Task ProcessAsync_ThrowingPlugin_GivesPluginFailedAndOthersStillRun()
    {
        using var host = new TestHostFolder("EchoPlugin", "ThrowingPlugin");
        await using var provider = host.BuildCore();

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var failed = Assert.Single(record.Findings, f => f.Code == FindingCodes.PluginFailed);
        Assert.Equal("ThrowingPlugin", failed.Plugin);
        Assert.Contains("deliberate failure of the throwing plugin", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Findings, f => f.Code == "written_before_throwing");
        // The echo plugin claims another plugin's name and rule set for its finding; the runner says whose it is.
        Assert.Contains(record.Findings, f => f.Code == "echo" && f.Plugin == "EchoPlugin" && f.RuleSet == "edition-8");
        Assert.Equal(PluginOutcomes.Failed, record.Plugins.Single(p => p.Name == "ThrowingPlugin").Outcome);
        Assert.Equal(PluginOutcomes.Ok, record.Plugins.Single(p => p.Name == "EchoPlugin").Outcome);
        Assert.Equal(Verdict.Failed, record.Verdict);
    }

    [Fact]
    public async Task ProcessAsync_HangingPluginPastItsTimeout_GivesPluginFailedAndOthersStillRun()
    {
        using var host = new TestHostFolder("EchoPlugin", "HangingPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:HangingPlugin:TimeoutSeconds"] = "0.3" });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var failed = Assert.Single(record.Findings, f => f.Code == FindingCodes.PluginFailed);
        Assert.Equal("HangingPlugin", failed.Plugin);
        Assert.Contains("timed out", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Findings, f => f.Code == "written_while_hanging");
        Assert.Contains(record.Findings, f => f.Code == "echo");
        Assert.Equal(Verdict.Failed, record.Verdict);
    }

    [Fact]
    public async Task ProcessAsync_EnricherThrowingAfterWriting_GivesPluginFailedWithoutItsWritesAndTheNextStillRuns()
    {
        using var host = new TestHostFolder("EchoPlugin");
        await using var provider = host.BuildCore(addServices: services =>
        {
            services.AddSingleton<IRecordEnricher, HalfWritingEnricher>();
            services.AddSingleton<IRecordEnricher, TaggingEnricher>();
        });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var failed = Assert.Single(record.Findings, f => f.Code == FindingCodes.PluginFailed);
        Assert.Equal(nameof(HalfWritingEnricher), failed.Plugin);
        Assert.DoesNotContain(record.Findings, f => f.Code == "written_before_throwing");
        Assert.DoesNotContain(record.Plugins, p => p.Name == nameof(HalfWritingEnricher));
        Assert.Contains(record.Findings, f => f.Code == "echo" && f.Plugin == "EchoPlugin");
        Assert.Contains(record.Findings, f => f.Code == "tagged" && f.Plugin == nameof(TaggingEnricher));
    }

    [Fact]
    public async Task ProcessAsync_EnricherRewritingTheReportThenThrowing_LeavesTheReportAsItWas()
    {
        using var host = new TestHostFolder("EchoPlugin");
        await using var provider = host.BuildCore(addServices: services =>
        {
            services.AddSingleton<IRecordEnricher, ReportWritingEnricher>();
            services.AddSingleton<IRecordEnricher, ReportRewritingEnricher>();
        });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        Assert.Contains(record.Findings, f => f.Code == FindingCodes.PluginFailed && f.Plugin == nameof(ReportRewritingEnricher));
        Assert.Equal(ReportWritingEnricher.Text, record.Report!.Text);
        Assert.Equal(ReportWritingEnricher.Title, record.Report.Title);
    }

    [Fact]
    public async Task ProcessAsync_PluginNeedingAFailedOne_IsSkippedWithReason()
    {
        using var host = new TestHostFolder("DependentPlugin", "ThrowingPlugin", "EchoPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:DependentPlugin:Needs"] = "ThrowingPlugin" });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        var dependent = record.Plugins.Single(p => p.Name == "DependentPlugin");
        Assert.Equal(PluginOutcomes.Skipped, dependent.Outcome);
        Assert.Contains("ThrowingPlugin", dependent.Error, StringComparison.Ordinal);
        Assert.Equal(PluginOutcomes.Ok, record.Plugins.Single(p => p.Name == "EchoPlugin").Outcome);
    }

    [Fact]
    public async Task ProcessAsync_PluginNeedingAnother_RunsAfterItAndSeesItsOutput()
    {
        // By name DependentPlugin would come first; its need puts EchoPlugin before it.
        using var host = new TestHostFolder("DependentPlugin", "EchoPlugin");
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Plugins:DependentPlugin:Needs"] = "EchoPlugin" });

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"));

        Assert.Equal(["EchoPlugin", "DependentPlugin"], record.Plugins.Select(p => p.Name));
        Assert.StartsWith("echo:", record.Findings.Single(f => f.Code == "dependent_saw").Evidence, StringComparison.Ordinal);
        Assert.All(record.Plugins, p => Assert.True(p.ElapsedMs >= 0));
        Assert.All(record.Plugins, p => Assert.Equal("1.2.3", p.Version));
    }

    [Fact]
    public void Start_NeedsFormACycle_StopsNamingThePlugins()
    {
        using var host = new TestHostFolder("DependentPlugin", "EchoPlugin");

        var error = Assert.Throws<StartupException>(() => host.BuildCore(new Dictionary<string, string?>
        {
            ["Plugins:DependentPlugin:Needs"] = "EchoPlugin",
            ["Plugins:EchoPlugin:Needs"] = "DependentPlugin",
        }));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("DependentPlugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NeedOfAPluginNotLoaded_StopsNamingBoth()
    {
        using var host = new TestHostFolder("DependentPlugin");

        var error = Assert.Throws<StartupException>(
            () => host.BuildCore(new Dictionary<string, string?> { ["Plugins:DependentPlugin:Needs"] = "FormFields" }));

        Assert.Contains("DependentPlugin needs FormFields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_SeverityOverride_ChangesTheVerdict()
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore(new Dictionary<string, string?> { ["Pipeline:SeverityOverrides:missing_document"] = "warning" });
        var package = host.NewFolder("only-a-manifest");
        File.Copy(Path.Combine(TestPaths.CorpusPackage("D01"), "manifest.json"), Path.Combine(package, "manifest.json"));

        var record = await provider.ProcessAsync(package);

        Assert.Equal(3, record.Findings.Count(f => f.Code == FindingCodes.MissingDocument && f.Severity == Severity.Warning));
        Assert.Equal(Verdict.NeedsReview, record.Verdict);
        Assert.Equal("D01", record.SubmissionId);
        Assert.Equal("edition-8", record.RuleSet);
    }

    [Fact]
    public async Task ProcessAsync_PluginGivesACatalogueCodeItsOwnSeverity_TheSeverityTableDecides()
    {
        // GIVEN a plugin that reports type_unsure (info in the catalogue) as an error
        using var host = new TestHostFolder("EchoPlugin");
        var plugin = new Dictionary<string, string?> { ["Plugins:EchoPlugin:Code"] = FindingCodes.TypeUnsure, ["Plugins:EchoPlugin:Severity"] = "error" };
        await using var byCatalogue = host.BuildCore(plugin);
        await using var byOverride = host.BuildCore(new Dictionary<string, string?>(plugin) { ["Pipeline:SeverityOverrides:type_unsure"] = "warning" });

        // WHEN the same package goes through the pipeline without and with an override
        var catalogue = await byCatalogue.ProcessAsync(TestPaths.CorpusPackage("D01"));
        var overridden = await byOverride.ProcessAsync(TestPaths.CorpusPackage("D01"));

        // THEN the catalogue's default, else the override, is the finding's severity and makes the verdict
        Assert.Equal(Severity.Info, Assert.Single(catalogue.Findings, f => f.Code == FindingCodes.TypeUnsure).Severity);
        Assert.Equal(Verdict.Accepted, catalogue.Verdict);
        Assert.Equal(Severity.Warning, Assert.Single(overridden.Findings, f => f.Code == FindingCodes.TypeUnsure).Severity);
        Assert.Equal(Verdict.NeedsReview, overridden.Verdict);
    }

    [Fact]
    public async Task ProcessAsync_Metadata_OverridesTheManifest()
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore();
        var submittedAt = new DateTimeOffset(2026, 7, 30, 10, 0, 0, TimeSpan.FromHours(8));

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage("D01"),
            new SubmissionMetadata("Q-123", Recommender: "某推荐单位", SubmittedAt: submittedAt));

        Assert.Equal("Q-123", record.SubmissionId);
        Assert.Equal("某推荐单位", record.Recommender);
        Assert.Equal(submittedAt, record.SubmittedAt);
        Assert.Equal(8, record.Edition); // from the manifest, the metadata leaving it open
    }

    /// <summary>Writes to the record, then fails: what it wrote must not stay.</summary>
    private sealed class HalfWritingEnricher : IRecordEnricher
    {
        public string Name => nameof(HalfWritingEnricher);

        public Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
        {
            record.Findings.Add(new Finding { Code = "written_before_throwing", Severity = Severity.Error, Message = "must not survive" });
            record.Plugins.Add(new PluginRun { Name = Name, Outcome = PluginOutcomes.Ok });
            throw new InvalidOperationException("deliberate failure of the enricher");
        }
    }

    private sealed class ReportWritingEnricher : IRecordEnricher
    {
        public const string Text = "一、企业概况\n案例内容的原文";
        public const string Title = "原标题";

        public string Name => nameof(ReportWritingEnricher);

        public Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
        {
            record.Report = new ReportSection { Title = Title, Text = Text };
            return Task.CompletedTask;
        }
    }

    private sealed class ReportRewritingEnricher : IRecordEnricher
    {
        public string Name => nameof(ReportRewritingEnricher);

        public Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
        {
            record.Report!.Text = "改写后的正文";
            record.Report.Title = "改写后的标题";
            throw new InvalidOperationException("deliberate failure after rewriting the report");
        }
    }

    private sealed class TaggingEnricher : IRecordEnricher
    {
        public string Name => nameof(TaggingEnricher);

        public Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
        {
            record.Findings.Add(new Finding { Code = "tagged", Severity = Severity.Info, Message = "after the failed one" });
            return Task.CompletedTask;
        }
    }
}
