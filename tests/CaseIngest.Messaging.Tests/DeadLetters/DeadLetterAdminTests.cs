using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.DeadLetters;
using CaseIngest.Messaging.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Tests.DeadLetters;

[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class DeadLetterAdminTests(BrokerFixture broker)
{
    [Fact]
    public async Task ReplayAsync_AfterTheCauseIsFixed_MessageIsProcessedWithAFreshSetOfAttempts()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var admin = new DeadLetterAdmin(environment.Connector(), Options.Create(environment.RabbitMq));
        var failing = new FailingIndexRepository(environment.Repository, failures: 4);
        await environment.StartWorkerAsync(failing);
        await environment.EnqueueAsync(environment.MakePackages(1));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await admin.ListAsync(10, CancellationToken.None)).Count == 1,
            "the message dead-lettered");

        // Listing leaves the message where it is.
        var letter = Assert.Single(await admin.ListAsync(10, CancellationToken.None));
        Assert.Equal("T001", letter.SubmissionId);
        Assert.Equal(4, letter.Attempt);

        var replayed = await admin.ReplayAsync(new HashSet<string> { "T001" }, CancellationToken.None);

        Assert.Equal(1, replayed);
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(["T001"]), "the replayed message indexed");
        Assert.Empty(await admin.ListAsync(10, CancellationToken.None));
        Assert.Equal(5, failing.Calls);
    }

    [Fact]
    public async Task ReplayAsync_SelectedIds_LeavesTheOthersAndPurgeRemovesThem()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var admin = new DeadLetterAdmin(environment.Connector(), Options.Create(environment.RabbitMq));
        await environment.StartWorkerAsync();
        for (var i = 1; i <= 3; i++)
        {
            await environment.PublishRawAsync("garbage"u8.ToArray(), SubmissionMessage.ContentType, $"bad-{i}");
        }

        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages == 3,
            "three dead letters");

        // bad-2 is malformed again after the replay: it comes back to the dead-letter queue.
        Assert.Equal(1, await admin.ReplayAsync(new HashSet<string> { "bad-2" }, CancellationToken.None));
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await admin.ListAsync(10, CancellationToken.None)).Count == 3
                                                               && (await environment.CountAsync(environment.RabbitMq.Queue)).Messages == 0,
            "bad-2 back in the dead-letter queue");
        Assert.Equal(["bad-1", "bad-2", "bad-3"], (await admin.ListAsync(10, CancellationToken.None)).Select(l => l.MessageId).Order());

        Assert.Equal(3u, await admin.PurgeAsync(CancellationToken.None));
        Assert.Empty(await admin.ListAsync(10, CancellationToken.None));
    }
}
