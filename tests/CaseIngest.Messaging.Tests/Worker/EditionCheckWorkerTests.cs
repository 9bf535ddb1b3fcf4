using CaseIngest.Messaging.Editions;
using CaseIngest.Messaging.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseIngest.Messaging.Tests.Worker;

/// <summary>The edition rules through two workers on a real RabbitMQ: the same findings as through <c>ingest</c>
/// (tests/Shared/GeneratedEdition.cs; CaseIngest.Core.Tests' IngestEditionTests expects the same table).</summary>
[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class EditionCheckWorkerTests(BrokerFixture broker)
{
    [Fact]
    public async Task TwoWorkers_CheckTheEditionAfterTheirBatch_WithTheSameFindingsAsIngest()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var (packages, registry) = GeneratedEdition.Make(environment.Root);
        environment.Settings["Editions:8:Registry"] = registry;
        environment.Settings["EditionCheck:Delay"] = "00:10:00";
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        void UseTime(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);
        var savedBy = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<string>>();
        var first = await environment.StartWorkerAsync(new CountingRepository(environment.Repository, "first") { SavedBy = savedBy }, UseTime);
        var second = await environment.StartWorkerAsync(new CountingRepository(environment.Repository, "second") { SavedBy = savedBy }, UseTime);

        var summary = await environment.EnqueueAsync(packages);

        Assert.Equal(16, summary.Queued);
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(GeneratedEdition.ExpectedCodes.Keys), "16 records indexed");
        var schedulers = new[] { first, second }.Select(h => h.Services.GetRequiredService<EditionCheckScheduler>()).ToList();
        // Every worker that saved a record has marked edition 8 and waits for its batch window; nothing has run yet.
        var workers = savedBy.Values.SelectMany(b => b).Distinct().Count();
        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(time.PendingTimers >= workers), "the workers' batch windows to be open");
        var active = schedulers.Where(s => s.Pending.SequenceEqual([8])).ToList();
        Assert.Equal(workers, active.Count);
        Assert.All(schedulers, s => Assert.Equal(0, s.ChecksCompleted));
        Assert.All(await GeneratedEdition.EditionCodesAsync(environment.SearchIndex.ReadAllAsync(CancellationToken.None)), c => Assert.Equal("", c.Value));

        time.Advance(TimeSpan.FromMinutes(10));

        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(active.All(s => s.ChecksCompleted >= 1)), "the workers' edition checks");
        Assert.Equal(GeneratedEdition.Lines(GeneratedEdition.ExpectedCodes), GeneratedEdition.Lines(await GeneratedEdition.EditionCodesAsync(environment.SearchIndex.ReadAllAsync(CancellationToken.None))));
        // The workers' checks of one edition agree: another check now changes nothing.
        var again = await first.Services.GetRequiredService<CaseIngest.Editions.Stage.EditionStage>().RunAsync(8, CancellationToken.None);
        Assert.Empty(again.Written);
        await first.StopAsync();
        await second.StopAsync();
    }

}
