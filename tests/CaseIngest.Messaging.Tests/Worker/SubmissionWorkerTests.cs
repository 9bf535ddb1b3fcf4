using System.Collections.Concurrent;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Health;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Messaging.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CaseIngest.Messaging.Tests.Worker;

[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class SubmissionWorkerTests(BrokerFixture broker)
{
    [Fact]
    public async Task Worker_ThirtyPackagesEnqueued_IndexesThirtyRecordsAndEmptiesQueue()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var packages = environment.MakePackages(30);
        var counting = new CountingRepository(environment.Repository);
        await environment.StartWorkerAsync(counting);

        var summary = await environment.EnqueueAsync(packages);

        Assert.Equal(30, summary.Queued);
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "30 records indexed");
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the submissions queue to be empty");
        Assert.Equal(30, await environment.IndexedCountAsync());
        Assert.All(ids, id => Assert.Equal(1, counting.Saves[id]));
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages);
        var record = await environment.SearchIndex.GetAsync("T001", CancellationToken.None);
        Assert.Equal("测试推荐单位", record!.Recommender);
        Assert.Equal(8, record.Edition);
    }

    [Fact]
    public async Task Worker_DefaultConcurrency_WorksOnOnePackagePerCoreAtOnce()
    {
        // GIVEN a worker with the default concurrency and prefetch, whose saves go through only when one per core wait
        // together (with fewer packages at once they never would)
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings.Remove("RabbitMq:Concurrency");
        environment.Settings.Remove("RabbitMq:Prefetch");
        var cores = Environment.ProcessorCount;
        var rendezvous = new RendezvousRepository(environment.Repository, cores);
        await environment.StartWorkerAsync(rendezvous);

        // WHEN two rounds of packages are queued
        var summary = await environment.EnqueueAsync(environment.MakePackages(2 * cores));

        // THEN all are indexed, one package per core at once and never more
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), $"{ids.Count} records indexed, {cores} at once");
        Assert.Equal(cores, rendezvous.MostAtOnce);
    }

    [Fact]
    public async Task Worker_PoisonMessages_DeadLettersThemWithReasonAndProcessesTheOthers()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var host = await environment.StartWorkerAsync();
        using var metrics = new MetricsRecorder(host);
        var outside = new SubmissionMessage { SubmissionId = "EVIL", PackageUri = "/etc/passwd" };

        await environment.PublishRawAsync("{ this is not json"u8.ToArray(), SubmissionMessage.ContentType, "poison-json");
        await environment.EnqueueAsync(environment.MakePackages(2, "A"));
        await environment.PublishRawAsync(outside.ToUtf8Json(), SubmissionMessage.ContentType, "poison-outside");
        await environment.PublishRawAsync("""{"schemaVersion":1,"packageUri":"x.zip"}"""u8.ToArray(), SubmissionMessage.ContentType, "poison-no-id");
        await environment.EnqueueAsync(environment.MakePackages(1, "B"));

        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(["A001", "A002", "B001"]), "the good messages indexed");
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages == 3,
            "three dead letters");
        var letters = await new CaseIngest.Messaging.DeadLetters.DeadLetterAdmin(environment.Connector(), Microsoft.Extensions.Options.Options.Create(environment.RabbitMq))
            .ListAsync(10, CancellationToken.None);
        var byId = letters.ToDictionary(l => l.MessageId!);
        Assert.StartsWith("malformed message: the body is not a submission message", byId["poison-json"].Reason);
        Assert.Contains("outside the inbox", byId["poison-outside"].Reason);
        Assert.Contains("submissionId", byId["poison-no-id"].Reason);
        Assert.Null(await environment.SearchIndex.GetAsync("EVIL", CancellationToken.None));
        Assert.Equal(3, await environment.IndexedCountAsync());
        Assert.Equal(3, metrics.DeadLettered);
        Assert.Equal(0, metrics.Retried);
        // The processed meter's verdict tag is the record's own name for the verdict (needs_review, never NeedsReview).
        await WorkerTestEnvironment.WaitUntilAsync(async () => metrics.Processed == 3, "the good messages acknowledged");
        var indexed = await Task.WhenAll(new[] { "A001", "A002", "B001" }.Select(id => environment.SearchIndex.GetAsync(id, CancellationToken.None)));
        Assert.Equal(indexed.Select(r => CaseRecordJson.Name(r!.Verdict)).Order(StringComparer.Ordinal),
            metrics.ProcessedVerdicts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Worker_FailingIndexUnavailableForTwoAttempts_RetriesThenIndexesOnce()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var counting = new CountingRepository(environment.Repository);
        var failing = new FailingIndexRepository(counting, failures: 2);
        var host = await environment.StartWorkerAsync(failing);
        using var metrics = new MetricsRecorder(host);

        await environment.EnqueueAsync(environment.MakePackages(1));

        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(["T001"]), "the record indexed after the outage");
        await WorkerTestEnvironment.WaitUntilAsync(async () => metrics.Processed == 1, "the message acknowledged");
        Assert.Equal(3, failing.Calls);
        Assert.Equal(1, counting.Saves["T001"]);
        Assert.Equal(2, metrics.Retried);
        Assert.Equal(2, metrics.Failed);
        Assert.Equal(0, metrics.DeadLettered);
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages);
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
    }

    [Fact]
    public async Task Worker_FailingIndexLongerThanEveryAttempt_DeadLettersWithLastError()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var failing = new FailingIndexRepository(environment.Repository, failures: int.MaxValue);
        var host = await environment.StartWorkerAsync(failing);
        using var metrics = new MetricsRecorder(host);

        await environment.EnqueueAsync(environment.MakePackages(1));

        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages == 1,
            "the message dead-lettered after its last attempt");
        var letter = Assert.Single(await new CaseIngest.Messaging.DeadLetters.DeadLetterAdmin(environment.Connector(),
            Microsoft.Extensions.Options.Options.Create(environment.RabbitMq)).ListAsync(10, CancellationToken.None));
        Assert.Equal("retries exhausted: failed 4 attempts", letter.Reason);
        Assert.Contains("FailingIndex: simulated outage", letter.LastError);
        Assert.Equal(4, failing.Calls);
        Assert.Equal(3, metrics.Retried);
        Assert.Null(await environment.SearchIndex.GetAsync("T001", CancellationToken.None));
    }

    [Fact]
    public async Task Worker_TwoWorkersOnOneQueue_ProcessEachMessageExactlyOnce()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:Prefetch"] = "1";
        var savedBy = new ConcurrentDictionary<string, ConcurrentBag<string>>(StringComparer.Ordinal);
        var first = await environment.StartWorkerAsync(new CountingRepository(environment.Repository, "first") { SavedBy = savedBy });
        var second = await environment.StartWorkerAsync(new CountingRepository(environment.Repository, "second") { SavedBy = savedBy });
        await WaitConsumersAsync(environment, 2);

        var summary = await environment.EnqueueAsync(environment.MakePackages(30));

        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "30 records indexed");
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the queue to be empty");
        Assert.Equal(30, savedBy.Count);
        Assert.All(savedBy, pair => Assert.Single(pair.Value));
        var perWorker = savedBy.Values.SelectMany(v => v).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perWorker.GetValueOrDefault("first") > 0 && perWorker.GetValueOrDefault("second") > 0,
            $"both workers took messages: {string.Join(", ", perWorker)}");
        Assert.Equal(30, await environment.IndexedCountAsync());
        GC.KeepAlive(first);
        GC.KeepAlive(second);
    }

    [Fact]
    public async Task Worker_BrokerRestartedUnderLoad_ResumesOnItsOwnAndIndexesEverything()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:Prefetch"] = "1";
        var held = new HeldIndexRepository(environment.Repository, free: 3);
        var host = await environment.StartWorkerAsync(held);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var summary = await environment.EnqueueAsync(environment.MakePackages(20));
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();

        // GIVEN three records indexed and a fourth message in flight, sixteen still queued
        await held.Holding.WaitAsync(WorkerTestEnvironment.Wait);

        // WHEN the broker restarts (the in-flight message finishes while it is down: its ack is lost)
        await broker.StopAsync();
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await ReadinessAsync(health)) == HealthStatus.Unhealthy,
            "the worker to notice the broker is gone");
        held.Release();
        await broker.StartAsync();

        // THEN the worker reconnects by itself and every message ends indexed, none twice
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "every record indexed after the restart",
            TimeSpan.FromSeconds(120));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await ReadinessAsync(health)) == HealthStatus.Healthy, "ready again");
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the queue to be empty");
        Assert.Equal(20, await environment.IndexedCountAsync());
        Assert.InRange(held.Calls, 20, 21);
    }

    /// <summary>How long a stop takes is a figure for bench/, not a test: here, what a stop does. The host's own stop
    /// token is a guard only — it must not be what ended the stop.</summary>
    [Fact]
    public async Task Worker_StoppedWithMessagesQueued_InFlightFinishedNotCutOff_TheRestLeftQueued()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:Prefetch"] = "2";
        var host = environment.CreateWorker();
        using var metrics = new MetricsRecorder(host);
        await host.StartAsync();
        await environment.EnqueueAsync(environment.MakePackages(15));
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.IndexedCountAsync() >= 1, "a first record indexed");

        using var hostGivesUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(hostGivesUp.Token);

        Assert.False(hostGivesUp.IsCancellationRequested, "the stop ended by itself, not when the host gave up");
        Assert.False(host.Services.GetRequiredService<WorkerState>().IsConsuming);
        // The messages being processed when the stop came were finished (none handed back), the prefetched rest went
        // back to the queue: every message is either indexed or queued, none lost, none twice.
        Assert.Equal(0, metrics["caseingest.worker.requeued"]);
        var (messages, consumers) = await environment.CountAsync(environment.RabbitMq.Queue);
        var indexed = await environment.IndexedCountAsync();
        Assert.Equal(0u, consumers);
        Assert.Equal(15, indexed + messages);
        Assert.Equal(indexed, metrics.Processed);
    }

    [Fact]
    public async Task Worker_StoppedWhileAMessageOutlastsTheDeadline_HandsItBackToTheQueue()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:ShutdownTimeout"] = "00:00:01";
        var held = new HeldIndexRepository(environment.Repository, free: 0);
        var host = environment.CreateWorker(held);
        using var metrics = new MetricsRecorder(host);
        await host.StartAsync();
        await environment.EnqueueAsync(environment.MakePackages(2));
        await held.Holding.WaitAsync(WorkerTestEnvironment.Wait);

        using var hostGivesUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(hostGivesUp.Token);

        // The worker's own deadline (RabbitMq:ShutdownTimeout) ended the held message, not the host's stop token.
        Assert.False(hostGivesUp.IsCancellationRequested, "the worker's deadline, not the host's, ended the stop");
        Assert.Equal(1, metrics["caseingest.worker.requeued"]);
        Assert.Equal(0, metrics.Processed);
        var (messages, consumers) = await environment.CountAsync(environment.RabbitMq.Queue);
        Assert.Equal((2u, 0u), (messages, consumers));
        Assert.Equal(0, await environment.IndexedCountAsync());
    }

    [Fact]
    public async Task Worker_DuplicateMessageForOneSubmission_KeepsOneRecord()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var counting = new CountingRepository(environment.Repository);
        await environment.StartWorkerAsync(counting);
        var package = environment.MakePackages(1);

        await environment.EnqueueAsync(package);
        await environment.EnqueueAsync(package);

        await WorkerTestEnvironment.WaitUntilAsync(async () => counting.TotalSaves == 2, "both messages processed");
        Assert.Equal(1, await environment.IndexedCountAsync());
        Assert.NotNull(await environment.SearchIndex.GetAsync("T001", CancellationToken.None));
    }

    [Fact]
    public async Task Worker_OlderResubmissionAfterNewer_DoesNotOverwriteIt()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var counting = new CountingRepository(environment.Repository);
        var summary = await environment.EnqueueAsync(environment.MakePackages(1));
        var packageUri = Path.GetRelativePath(environment.Settings["Inbox:Path"]!,
            Directory.GetDirectories(Path.Combine(environment.Settings["Inbox:Path"]!), "T001", SearchOption.AllDirectories).Single());
        SubmissionMessage Resubmission(string recommender, int day) => new()
        {
            SubmissionId = "T001",
            PackageUri = packageUri,
            Recommender = recommender,
            SubmittedAt = new DateTimeOffset(2026, 7, day, 9, 0, 0, TimeSpan.FromHours(8)),
        };
        await environment.PublishRawAsync(Resubmission("newer", 20).ToUtf8Json(), SubmissionMessage.ContentType, "T001/newer");
        await environment.PublishRawAsync(Resubmission("older", 1).ToUtf8Json(), SubmissionMessage.ContentType, "T001/older");

        await environment.StartWorkerAsync(counting);

        await WorkerTestEnvironment.WaitUntilAsync(async () => counting.TotalSaves == 3, "all three messages processed");
        var record = (await environment.SearchIndex.GetAsync("T001", CancellationToken.None))!;
        Assert.Equal("newer", record.Recommender);
        Assert.Equal(20, record.SubmittedAt!.Value.Day);
        Assert.Equal(1, await environment.IndexedCountAsync());
        Assert.Single(summary.Results);
    }

    private static async Task WaitConsumersAsync(WorkerTestEnvironment environment, uint consumers) =>
        await WorkerTestEnvironment.WaitUntilAsync(async () =>
        {
            try
            {
                return (await environment.CountAsync(environment.RabbitMq.Queue)).Consumers == consumers;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return false; // not declared yet: the workers are still starting
            }
        }, $"{consumers} consumers on the queue");

    private static async Task<HealthStatus> ReadinessAsync(HealthCheckService health) =>
        (await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready))).Status;
}
