using CaseIngest.Abstractions.Plugins;
using CaseIngest.Messaging.Tests.Fixtures;
using CaseIngest.Messaging.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Messaging.Tests.Worker;

[Collection(BrokerTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class WarmUpTests(BrokerFixture broker)
{
    [Fact]
    public async Task Worker_WarmUpRegistered_TakesNoMessageUntilItHasFinished()
    {
        // GIVEN a worker whose plugin warm-up holds until the test lets it go
        await using var environment = new WorkerTestEnvironment(broker);
        var warmUp = new GatedWarmUp();
        var host = await environment.StartWorkerAsync(configure: services => services.AddSingleton<IWarmUp>(warmUp));
        await warmUp.Entered.WaitAsync(WorkerTestEnvironment.Wait);

        // WHEN two packages are queued while it warms up
        var summary = await environment.EnqueueAsync(environment.MakePackages(2));

        // THEN they wait in the queue with no consumer on it, and are indexed once the warm-up has finished
        var (messages, consumers) = await environment.CountAsync(environment.RabbitMq.Queue);
        Assert.Equal((2u, 0u), (messages, consumers));
        Assert.False(host.Services.GetRequiredService<WorkerState>().IsConsuming);
        warmUp.Finish();
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "both records indexed after the warm-up");
        Assert.Equal(1, warmUp.Runs);
    }

    [Fact]
    public async Task Worker_WarmUpFails_RunsTheNextAndConsumesAllTheSame()
    {
        // GIVEN a worker with a warm-up that fails (a model missing, say) and another after it
        await using var environment = new WorkerTestEnvironment(broker);
        var after = new GatedWarmUp();
        after.Finish();
        await environment.StartWorkerAsync(configure: services => services
            .AddSingleton<IWarmUp>(new FailingWarmUp())
            .AddSingleton<IWarmUp>(after));

        // WHEN packages are queued
        var summary = await environment.EnqueueAsync(environment.MakePackages(2));

        // THEN the second warm-up ran and the packages are indexed
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "both records indexed");
        Assert.Equal(1, after.Runs);
    }

    private sealed class GatedWarmUp : IWarmUp
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public string Name => "test engines";

        public Task Entered => _entered.Task;

        public int Runs => Volatile.Read(ref _runs);

        public void Finish() => _finish.TrySetResult();

        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            _entered.TrySetResult();
            await _finish.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class FailingWarmUp : IWarmUp
    {
        public string Name => "missing engines";

        public Task WarmUpAsync(CancellationToken cancellationToken) =>
            throw new FileNotFoundException("model file /models/det.onnx is missing");
    }
}
