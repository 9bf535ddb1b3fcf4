using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Tests.Support;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Tests.Cli;

/// <summary>The classifier's learning loop as people run it, with the real plugins (artifacts/&lt;Configuration&gt;/plugins,
/// built by the solution's build): records ingested, reviewers' confirmed types (<c>review.confirmedType</c>, what the web
/// app's type confirmation writes, through the repository into the index) written out by <c>records --confirmed</c> and
/// fed to <c>train</c>, and <c>recheck</c> printing the cases whose type moved.</summary>
public sealed class TrainRecheckTests
{
    private static readonly string[] s_confirmed = ["E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E10"];

    // Eleven packages through the real plugins, and training with its cross-validation: more than the default guard
    // against a hung child allows when the machine is busy. A guard, not a timing assertion.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Train_OnReviewersConfirmedTypes_RecheckPrintsTheTypeThatMoved()
    {
        using var host = new TestHostFolder();
        var model = Path.Combine(host.Root, "models", "classification.json");
        Dictionary<string, string?> settings = new()
        {
            ["Plugins:Path"] = TestPaths.BuiltPlugins,
            ["Plugins:OcrStamps:Enabled"] = "false",
            ["Plugins:RubricCoverage:Enabled"] = "false",
            ["Plugins:Classification:BuiltInModel"] = "Prior",
            ["Plugins:Classification:ModelPath"] = model,
        };
        var records = Path.Combine(host.Root, "records.jsonl");

        // GIVEN D01 (a maker's own manufacturing and service, 业务融合) read by the prior, which is unsure of it, and the
        // ten packages of tests/corpus-extra (other writers), whose types reviewers confirmed
        var ingest = await CliProcess.RunAsync(host, settings, s_hangGuard,
            ["ingest", TestPaths.CorpusPackage("D01"), .. s_confirmed.Select(TestPaths.CorpusPackage), "--out", records]);
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        var ingested = (await File.ReadAllLinesAsync(records)).Select(CaseRecordJson.Deserialize).ToList();
        Assert.Null(ingested.Single(r => r.SubmissionId == "D01").Classification!.Predicted);
        await ConfirmTypesInTheIndexAsync(host, settings);
        var confirmed = Path.Combine(host.Root, "confirmed.jsonl");
        var export = await CliProcess.RunAsync(host, settings, s_hangGuard, "records", "--confirmed", "--out", confirmed);
        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        var exported = (await File.ReadAllLinesAsync(confirmed)).Select(CaseRecordJson.Deserialize).ToList();
        Assert.Equal(s_confirmed, exported.Select(r => r.SubmissionId).Order(StringComparer.Ordinal));

        // WHEN train learns from them and recheck runs D01 again
        var train = await CliProcess.RunAsync(host, settings, s_hangGuard, "train", confirmed);
        var recheck = await CliProcess.RunAsync(host, settings, s_hangGuard, "recheck", "D01");

        // THEN the model file the step loads is written, and recheck names the move and both models
        Assert.True(train.ExitCode == 0, train.Output + train.Error);
        Assert.True(File.Exists(model), train.Output);
        Assert.True(recheck.ExitCode == 0, recheck.Output + recheck.Error);
        Assert.Contains("type 未定 → 业务融合创新类 (model prior-", recheck.Output, StringComparison.Ordinal);
        Assert.Contains("→ trained-10-", recheck.Output, StringComparison.Ordinal);
        Assert.Contains("removed type_unsure", recheck.Output, StringComparison.Ordinal);
    }

    /// <summary>What a reviewer's 确认类型 does on the case page: the type written into the stored review through the
    /// repository (audited), here in-process on the host folder's index.</summary>
    private static async Task ConfirmTypesInTheIndexAsync(TestHostFolder host, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(host.BaseConfiguration()).AddInMemoryCollection(settings).Build();
        await using var provider = HostStartup.Build(services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddCaseIngestSearch(configuration);
        }, check: false);
        var repository = provider.GetRequiredService<ICaseRepository>();
        foreach (var id in s_confirmed)
        {
            var type = CorpusSample.Load(id).Expected.GetProperty("category").GetString();
            var update = await repository.UpdateReviewAsync(id, new ReviewEdit(new ReviewActor("rita", "reviewer"), null, record =>
            {
                record.Review!.ConfirmedType = type;
                return ReviewEditResult.Of(new ReviewChange(AuditActions.TypeConfirmed, null, null, type));
            }), CancellationToken.None);
            Assert.Equal(ReviewUpdateStatus.Saved, update.Status);
        }
    }
}
