using System.Collections.Concurrent;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Core.Plugins;
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

    [Fact]
    public async Task Worker_PipelineWarmUp_RunsTheSampleThroughTheStepsBeforeConsuming_AndKeepsNothingOfIt()
    {
        // GIVEN a worker with the pipeline warm-up on (the sample package the build ships) and a step that notes the
        // packages it is given
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["WarmUp:Pipeline"] = "true";
        var noted = new NotedPackages();
        var host = await environment.StartWorkerAsync(configure: services => services
            .AddSingleton(noted)
            .AddScoped<NotingStep>()
            .AddSingleton(new PluginStep("Noting", "1.0.0", [], typeof(NotingStep))));

        // WHEN it consumes
        await WorkerTestEnvironment.WaitUntilAsync(
            () => Task.FromResult(host.Services.GetRequiredService<WorkerState>().IsConsuming), "the worker consuming");

        // THEN the step has seen one package, the sample with its stamped PDF page, and neither the package store nor
        // the index holds anything of it
        var files = Assert.Single(noted.Packages);
        Assert.Contains("盖章页.pdf", files);
        var store = environment.Settings["Store:Path"]!;
        Assert.False(Directory.Exists(store) && Directory.EnumerateFileSystemEntries(store).Any(), "the store holds something");
        Assert.Equal(0, await environment.IndexedCountAsync());
    }

    [Fact]
    public async Task Worker_PipelineWarmUpSampleMissing_ConsumesAllTheSame()
    {
        // GIVEN a worker whose warm-up sample does not exist
        await using var environment = new WorkerTestEnvironment(broker);
        environment.Settings["WarmUp:Pipeline"] = "true";
        environment.Settings["WarmUp:Package"] = Path.Combine(environment.Root, "no-such-sample.zip");
        await environment.StartWorkerAsync();

        // WHEN packages are queued
        var summary = await environment.EnqueueAsync(environment.MakePackages(2));

        // THEN they are indexed
        var ids = summary.Results.Select(r => r.SubmissionId!).ToList();
        await WorkerTestEnvironment.WaitUntilAsync(() => environment.AllIndexedAsync(ids), "both records indexed");
    }

    private sealed class NotedPackages
    {
        private readonly ConcurrentQueue<IReadOnlyList<string>> _packages = new();

        public IReadOnlyList<IReadOnlyList<string>> Packages => [.. _packages];

        public void Note(IEnumerable<string> files) => _packages.Enqueue([.. files]);
    }

    private sealed class NotingStep(NotedPackages noted) : ISubmissionStep
    {
        public bool CanRun(SubmissionContext context) => true;

        public Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
        {
            noted.Note(context.Files.Select(f => f.Name));
            return Task.CompletedTask;
        }
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
