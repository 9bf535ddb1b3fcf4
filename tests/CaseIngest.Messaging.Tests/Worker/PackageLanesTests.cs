using CaseIngest.Abstractions.Records;
using CaseIngest.Lanes;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Search;

namespace CaseIngest.Messaging.Tests.Worker;

/// <summary>The machine's package lanes as the worker takes them: a message is worked on only while it holds one, so
/// the workers of one machine together work on as many packages at once as it has lanes. The other process is
/// util-linux's <c>flock</c> on the environment's lanes (<see cref="OtherProcessLock"/>).</summary>
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

        // THEN the message went back to the queue, and nothing of it was saved
        var (messages, consumers) = await environment.CountAsync(environment.RabbitMq.Queue);
        Assert.Equal((1u, 0u), (messages, consumers));
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
        await environment.StartWorkerAsync(noting);
        await environment.EnqueueAsync(environment.MakePackages(1));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "the message delivered to the worker");

        // WHEN the other process dies
        other.Kill(entireProcessTree: true);

        // THEN the worker takes the lane and indexes the package, only once the other process is gone
        await WorkerTestEnvironment.WaitUntilAsync(async () => await environment.IndexedCountAsync() == 1, "the record indexed");
        Assert.Equal([true], noting.Notes);
    }

    private static string LaneFile(WorkerTestEnvironment environment, int lane)
    {
        using var lanes = MachineLanes.Open(environment.RabbitMq.PackageLanesFolder!, lane + 1)!;
        return lanes.PathOf(lane);
    }

    /// <summary>Notes something about the machine at the moment each record is saved.</summary>
    private sealed class NotingRepository(ICaseRepository inner, Func<bool> note) : ICaseRepository
    {
        public List<bool> Notes { get; } = [];

        public Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
        {
            lock (Notes)
            {
                Notes.Add(note());
            }

            return inner.SaveAsync(record, cancellationToken);
        }

        public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
            inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

        public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
            CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
    }
}
