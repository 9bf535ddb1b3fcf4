using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Testing;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Tests.Enqueue;

[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class SubmissionEnqueuerTests(BrokerFixture broker)
{
    [Fact]
    public async Task EnqueueAsync_FolderAndZipPackages_CopiesIntoInboxAndPublishesOneConfirmedMessageEach()
    {
        await using var environment = new WorkerTestEnvironment(broker);

        var summary = await environment.EnqueueAsync([TestPaths.CorpusPackage("D01"), TestPaths.CorpusPackage("D05")]);

        Assert.Equal(2, summary.Queued);
        Assert.Equal(2u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
        await using var connection = await environment.Connector().ConnectAsync("test", CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        for (var i = 0; i < 2; i++)
        {
            messages.Add((await channel.BasicGetAsync(environment.RabbitMq.Queue, autoAck: false))!);
        }

        foreach (var delivered in messages)
        {
            Assert.Equal(SubmissionMessage.ContentType, delivered.BasicProperties.ContentType);
            Assert.Equal(DeliveryModes.Persistent, delivered.BasicProperties.DeliveryMode);
            var message = SubmissionMessageReader.Read(delivered.Body.Span, delivered.BasicProperties.ContentType).Message!;
            Assert.StartsWith(message.SubmissionId + "/", delivered.BasicProperties.MessageId, StringComparison.Ordinal);
            Assert.False(Path.IsPathRooted(message.PackageUri));
            var copy = Path.Combine(environment.Settings["Inbox:Path"]!, message.PackageUri);
            Assert.True(File.Exists(copy) || Directory.Exists(copy), $"{copy} exists");
            Assert.Equal(8, message.Edition);
        }

        Assert.Equal(["D01", "D05"], messages.Select(m => SubmissionMessageReader.Read(m.Body.Span, null).Message!.SubmissionId).Order());
        Assert.EndsWith("D05.zip", SubmissionMessageReader.Read(messages[1].Body.Span, null).Message!.PackageUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueAsync_MissingPackage_ReportsItAndQueuesTheRest()
    {
        await using var environment = new WorkerTestEnvironment(broker);

        var summary = await environment.EnqueueAsync([Path.Combine(environment.Root, "nope.zip"), TestPaths.CorpusPackage("D02")]);

        Assert.Equal(1, summary.Queued);
        var failed = Assert.Single(summary.Results, r => !r.Succeeded);
        Assert.Contains("nope.zip", failed.PackagePath, StringComparison.Ordinal);
        Assert.Equal("not found", failed.Error);
        Assert.Equal(1u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
    }

    [Fact]
    public async Task EnqueueAsync_BrokerUnreachable_Throws()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:9/";

        await Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.BrokerUnreachableException>(
            () => environment.EnqueueAsync([TestPaths.CorpusPackage("D01")]));
    }
}
