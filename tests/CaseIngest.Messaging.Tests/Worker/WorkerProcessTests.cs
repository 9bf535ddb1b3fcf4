using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Testing;
using Microsoft.Extensions.Hosting;

namespace CaseIngest.Messaging.Tests.Worker;

/// <summary>The real <c>caseingest worker</c> executable, and the real plugins.</summary>
[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class WorkerProcessTests(BrokerFixture broker)
{
    private static readonly TimeSpan s_realPluginsWait = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task WorkerProcess_KilledWithSigkillMidPackage_MessageRedeliveredAndIndexedOnce()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        await environment.EnqueueAsync(environment.MakePackages(1));

        // GIVEN a worker process in the middle of a package (the real plugins make a package take seconds: OCR)
        var healthUrl = $"http://127.0.0.1:{BrokerFixture.FreePort()}";
        using (var child = WorkerProcess.Start(environment, new Dictionary<string, string?>
               {
                   ["Plugins:Path"] = TestPaths.BuiltPlugins,
                   ["Worker:HealthUrl"] = healthUrl,
               }))
        {
            await child.WaitForLogAsync("Processing submission T001", s_realPluginsWait);
            using var http = new HttpClient();
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(healthUrl + "/health/live")));
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(healthUrl + "/health/ready")));

            // WHEN it is killed with SIGKILL
            await child.KillAsync();
            Assert.DoesNotContain("Indexed submission T001", child.Log);
        }

        // THEN the broker hands the message to the next worker, which indexes it once
        var host = environment.CreateWorker();
        using var metrics = new MetricsRecorder(host);
        await host.StartAsync();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(["T001"]), "the redelivered message indexed");
        await WorkerTestEnvironment.WaitUntilAsync(async () => metrics.Processed == 1, "the redelivered message acknowledged");
        Assert.Equal(1, metrics.RedeliveredProcessed);
        Assert.Equal(1, await environment.IndexedCountAsync());
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages);
    }

    [Fact]
    public async Task WorkerProcess_SigtermMidPackage_FinishesOrHandsBackAndExits()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        await environment.EnqueueAsync(environment.MakePackages(1));
        using var child = WorkerProcess.Start(environment, new Dictionary<string, string?> { ["Plugins:Path"] = TestPaths.BuiltPlugins });
        await child.WaitForLogAsync("Processing submission T001", s_realPluginsWait);

        await child.TerminateAsync();

        // The process ends by itself (RabbitMq:ShutdownTimeout is 10 s here), and the message is either done or back.
        await child.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("Application is shutting down", child.Log, StringComparison.Ordinal);
        var indexed = child.Log.Contains("Indexed submission T001", StringComparison.Ordinal);
        var (messages, consumers) = await environment.CountAsync(environment.RabbitMq.Queue);
        Assert.Equal(0u, consumers);
        Assert.Equal(indexed ? 0u : 1u, messages);
    }

    [Fact]
    public async Task Worker_EveryRealPlugin_IndexesCorpusPackageEndToEnd()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["Plugins:Path"] = TestPaths.BuiltPlugins;
        await environment.StartWorkerAsync();

        var summary = await environment.EnqueueAsync([TestPaths.CorpusPackage("D01")]);

        Assert.Equal("D01", Assert.Single(summary.Results).SubmissionId);
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(["D01"]), "D01 indexed", s_realPluginsWait);
        var record = (await environment.SearchIndex.GetAsync("D01", CancellationToken.None))!;
        Assert.Equal(["Classification", "FormFields", "OcrStamps", "RubricCoverage", "StructureChecks"], record.Plugins.Select(p => p.Name).Order().ToArray());
        Assert.Equal(19, record.Evaluation?.Coverage.Count);
        Assert.Equal("人工智能驱动家电全链条智能制造与服务", record.Form?.CaseName);
        Assert.NotNull(record.Report);
        Assert.NotEmpty(record.Pages);
        Assert.Equal("安徽省企业联合会", record.Recommender);
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
    }
}
