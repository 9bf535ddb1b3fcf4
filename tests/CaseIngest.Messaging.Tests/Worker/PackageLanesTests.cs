using CaseIngest.Lanes;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Messaging.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Tests.Worker;

/// <summary>The machine's package lanes as the worker takes them: a message is worked on only while it holds one, so
/// the workers of one machine together work on as many packages at once as it has lanes, and each worker takes its
/// share of them from the broker. The other process is util-linux's <c>flock</c> on the environment's lanes or on a
/// worker's presence file (<see cref="OtherProcessLock"/>).</summary>
[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class PackageLanesTests(BrokerFixture broker)
{
    [Fact]
    public async Task Worker_OnePackageLane_HoldsItWhileItWorksOnAPackageAndLetsItGoAfterwards()
    {
        // GIVEN a worker on a machine with one package lane, its index noting whether another process could take the
        // lane at the moment a record is saved
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:PackageLanes"] = "1";
        var laneFile = LaneFile(environment, 0);
        var noting = new NotingRepository(environment.Repository, () => OtherProcessLock.CouldTake(laneFile));
        await environment.StartWorkerAsync(noting);

        // WHEN a package is queued and worked on
        await environment.EnqueueAsync(environment.MakePackages(1));
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.IndexedCountAsync() == 1, "the record indexed");
        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(OtherProcessLock.CouldTake(laneFile)), "the lane let go");

        // THEN the lane was the worker's while it saved the record
        Assert.Equal([false], noting.Notes);
    }

    [Fact]
    public async Task Worker_StoppedWhileAMessageWaitsForTheLaneAnotherProcessHolds_HandsItBackUnworked()
    {
        // GIVEN a machine's only package lane held by another process, and a worker that was handed a message
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:PackageLanes"] = "1";
        environment.Settings["RabbitMq:ShutdownTimeout"] = "00:00:03";
        using var other = OtherProcessLock.Hold(LaneFile(environment, 0));
        var counting = new CountingRepository(environment.Repository);
        var host = await environment.StartWorkerAsync(counting);
        await environment.EnqueueAsync(environment.MakePackages(1));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the message delivered to the worker");

        // WHEN the worker stops (its deadline passes while the message still waits)
        await host.StopAsync();

        // THEN the message went back to the queue (the broker requeues it as it takes the closed channel down, which it
        // may finish just after the close is confirmed), and nothing of it was saved
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.CountAsync(environment.RabbitMq.Queue) == (1u, 0u),
            "the message back in the queue, no consumer left");
        Assert.Equal(0, counting.TotalSaves);
        other.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task Worker_TheOnlyPackageLaneLetGoByAnotherProcess_WorksOnTheWaitingMessage()
    {
        // GIVEN a machine's only package lane held by another process, and a worker that was handed a message
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:PackageLanes"] = "1";
        using var other = OtherProcessLock.Hold(LaneFile(environment, 0));
        var noting = new NotingRepository(environment.Repository, () => other.HasExited);
        var host = environment.CreateWorker(noting);
        using var metrics = new MetricsRecorder(host);
        await host.StartAsync();
        await environment.EnqueueAsync(environment.MakePackages(1));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the message delivered to the worker");

        // WHEN the other process dies
        other.Kill(entireProcessTree: true);

        // THEN the worker takes the lane and indexes the package, only once the other process is gone, and its wait is
        // on record
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.IndexedCountAsync() == 1, "the record indexed");
        Assert.Equal([true], noting.Notes);
        // (the broker's delivery and the handler's start are apart, so the wait has no lower bound the test could know)
        var wait = Assert.Single(metrics.Values("caseingest.worker.lane_wait"));
        Assert.True(wait > 0, $"waited {wait} s");
    }

    [Fact]
    public async Task Worker_AnotherWorkerOnTheMachine_TakesOneMessageAtATime()
    {
        // GIVEN two package lanes, another worker process present on the machine, and a worker here that may work on two
        // messages at once, its index holding the first save
        await using var environment = new WorkerTestEnvironment(broker);
        OnTwoLanesAtTheDefaultPrefetch(environment);
        using var otherWorker = OtherProcessLock.Hold(PresenceFile(environment.RabbitMq.PackageLanesFolder!));
        var held = new HeldIndexRepository(environment.Repository, free: 0);
        await environment.StartWorkerAsync(held);

        // WHEN three packages are queued and the first is being saved
        await environment.EnqueueAsync(environment.MakePackages(3));
        await held.Holding.WaitAsync(WorkerTestEnvironment.Wait);

        // THEN the worker took its share, one of the two lanes' messages: two are still in the queue for the other
        var (messages, _) = await environment.CountAsync(environment.RabbitMq.Queue);
        held.Release();
        Assert.Equal(2u, messages);
        otherWorker.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task Worker_AnotherWorkerStartsAndStopsWhileItConsumes_ItsPrefetchFollows()
    {
        // GIVEN a worker alone on a machine with two package lanes, counting the machine's workers every 50 ms
        await using var environment = new WorkerTestEnvironment(broker);
        OnTwoLanesAtTheDefaultPrefetch(environment);
        var host = environment.CreateWorker();
        host.Services.GetRequiredService<PackageLanes>().RecountPause = TimeSpan.FromMilliseconds(50);
        using var metrics = new MetricsRecorder(host);
        await host.StartAsync();
        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(metrics.Prefetch == 2), "a prefetch of both lanes");

        // WHEN another worker process starts on the machine, and later dies
        using var otherWorker = OtherProcessLock.Hold(PresenceFile(environment.RabbitMq.PackageLanesFolder!));
        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(metrics.Prefetch == 1), "a prefetch of one lane");
        otherWorker.Kill(entireProcessTree: true);

        // THEN the prefetch went to one lane's worth while the other ran, and back to both once it was gone
        await WorkerTestEnvironment.WaitUntilAsync(() => Task.FromResult(metrics.Prefetch == 2), "a prefetch of both lanes again");
    }

    [Fact]
    public async Task Worker_TheLanesFolderCleanedAwayWhileItRuns_StillWorksOnMessages()
    {
        // GIVEN a consuming worker whose package lanes' folder a temp cleaner then deletes
        await using var environment = new WorkerTestEnvironment(broker);
        var host = environment.CreateWorker();
        var lanes = host.Services.GetRequiredService<PackageLanes>();
        await host.StartAsync();
        Directory.Delete(environment.RabbitMq.PackageLanesFolder!, recursive: true);

        // WHEN a package is queued
        await environment.EnqueueAsync(environment.MakePackages(1));

        // THEN it is worked on all the same, and the worker counts itself alone
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.IndexedCountAsync() == 1, "the record indexed");
        Assert.Equal(lanes.Count, lanes.FairShare(concurrency: 64));
    }

    [Fact]
    public void FairShare_AnotherWorkerStartsAndStops_HalfTheLanesWhileItRuns_AllOfThemAgainAfterwards()
    {
        // GIVEN a worker alone on a machine with two package lanes
        using var folder = new TemporaryDirectory("caseingest-lanes-");
        using var ours = NewPackageLanes(folder.Path);
        var alone = ours.FairShare(concurrency: 2);

        // WHEN another worker starts, and later stops
        int together;
        using (NewPackageLanes(folder.Path))
        {
            together = ours.FairShare(concurrency: 2);
        }

        var afterwards = ours.FairShare(concurrency: 2);

        // THEN its share is both lanes, then one, then both again
        Assert.Equal((2, 1, 2), (alone, together, afterwards));
    }

    [Fact]
    public void FairShare_AWorkerThatDies_NoLongerCounts_AndItsFileIsCleanedAway()
    {
        // GIVEN a worker here and another worker's process present on the machine
        using var folder = new TemporaryDirectory("caseingest-lanes-");
        using var ours = NewPackageLanes(folder.Path);
        var presence = PresenceFile(folder.Path);
        using var other = OtherProcessLock.Hold(presence);
        var whileItRuns = ours.FairShare(concurrency: 2);

        // WHEN the other process dies (no clean stop)
        other.Kill(entireProcessTree: true);
        other.WaitForExit();
        var afterwards = ours.FairShare(concurrency: 2);

        // THEN it counted while it ran, not after, and the count deleted its file
        Assert.Equal((1, 2), (whileItRuns, afterwards));
        Assert.False(File.Exists(presence));
    }

    [Fact]
    public void FairShare_LanesNotShared_TheWholeConcurrency()
    {
        using var lanes = new PackageLanes(Options.Create(new RabbitMqOptions { SharePackageLanes = false }), NullLogger<PackageLanes>.Instance);

        Assert.Equal(3, lanes.FairShare(concurrency: 3));
        Assert.Null(lanes.Count);
    }

    /// <summary>Two package lanes, a concurrency of two whatever the machine's cores, and the prefetch left to the
    /// worker's share.</summary>
    private static void OnTwoLanesAtTheDefaultPrefetch(WorkerTestEnvironment environment)
    {
        environment.Settings["RabbitMq:PackageLanes"] = "2";
        environment.Settings["RabbitMq:Concurrency"] = "2";
        environment.Settings["RabbitMq:Prefetch"] = "0";
    }

    private static PackageLanes NewPackageLanes(string folder) =>
        new(Options.Create(new RabbitMqOptions { PackageLanes = 2, PackageLanesFolder = folder }), NullLogger<PackageLanes>.Instance);

    /// <summary>A worker's presence file as another process would make it (the name is all that counts).</summary>
    private static string PresenceFile(string folder)
    {
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"worker-other-{Guid.NewGuid():N}.present");
    }

    private static string LaneFile(WorkerTestEnvironment environment, int lane)
    {
        using var lanes = MachineLanes.Open(environment.RabbitMq.PackageLanesFolder!, lane + 1)!;
        return lanes.PathOf(lane);
    }
}
