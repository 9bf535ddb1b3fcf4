using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Testing;

namespace CaseIngest.Messaging.Tests.Enqueue;

/// <summary><c>caseingest enqueue</c> and <c>caseingest dlq</c> through the real executable.</summary>
[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class CommandLineTests(BrokerFixture broker)
{
    [Fact]
    public async Task Enqueue_FolderOfPackages_QueuesEachAndExitsZero()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        var packages = environment.MakePackages(3);

        var (exitCode, output, _) = await WorkerProcess.RunCommandAsync(environment, "enqueue", Path.GetDirectoryName(packages[0])!);

        Assert.Equal(0, exitCode);
        Assert.Contains("Queued 3 of 3 packages", output, StringComparison.Ordinal);
        Assert.Equal(3u, (await environment.CountAsync(environment.RabbitMq.Queue)).Messages);
    }

    [Fact]
    public async Task Enqueue_BrokerUnreachable_SaysWhichAndExitsTwo()
    {
        await using var environment = new WorkerTestEnvironment(broker);

        var (exitCode, _, error) = await WorkerProcess.RunCommandAsync(environment, "enqueue", TestPaths.CorpusPackage("D01"),
            "--broker", "amqp://guest:secret@127.0.0.1:9/");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot reach the broker amqp://127.0.0.1:9/", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dlq_ListJsonThenPurge_ShowsReasonsAndEmptiesTheQueue()
    {
        await using var environment = new WorkerTestEnvironment(broker);
        await environment.StartWorkerAsync();
        await environment.PublishRawAsync("{}"u8.ToArray(), SubmissionMessage.ContentType, "empty-object");
        await WorkerTestEnvironment.WaitUntilAsync(async () => (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages == 1,
            "the message dead-lettered");

        var list = await WorkerProcess.RunCommandAsync(environment, "dlq", "list", "--json");
        var refused = await WorkerProcess.RunCommandAsync(environment, "dlq", "purge");
        var purge = await WorkerProcess.RunCommandAsync(environment, "dlq", "purge", "--yes");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("\"messageId\":\"empty-object\"", list.Output, StringComparison.Ordinal);
        Assert.Contains("malformed message", list.Output, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, purge.ExitCode);
        Assert.Contains("Purged 1 message(s).", purge.Output, StringComparison.Ordinal);
        Assert.Equal(0u, (await environment.CountAsync(environment.RabbitMq.DeadLetterQueue)).Messages);
    }
}
