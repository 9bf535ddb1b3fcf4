using System.Diagnostics;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Workers;

/// <summary>N real <c>caseingest worker</c> processes on one queue of a local broker, each with its own Lucene index
/// and package store (the embedded index takes one writer; several processes share an index only through
/// Elasticsearch). The messages are queued before the workers start, and the clock runs from the first worker's
/// "Consuming" to the last message settled: like <c>ingest</c>'s own figure, start-up is left out and everything after
/// it is in. A worker creates its OCR engines and runs them once before it consumes (the plugin's warm-up, ~0.6 s a
/// process); <c>ingest</c> creates them on its first package, inside its figure.</summary>
internal sealed class WorkerFleet : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromMinutes(3);
    private readonly List<ChildProcess> _processes = [];
    private readonly DrainSignal _progress;
    private long _firstConsuming;

    private WorkerFleet(DrainSignal progress) => _progress = progress;

    public IReadOnlyList<ChildProcess> Processes => _processes;

    /// <summary>Settings every worker of the bench gets: its own queue names, the inbox, logs the bench reads.</summary>
    public static Dictionary<string, string> Settings(BenchEnvironment environment, string brokerUri, string queue, string inbox)
    {
        var settings = new Dictionary<string, string>
        {
            ["RabbitMq__Uri"] = brokerUri,
            ["RabbitMq__Queue"] = queue,
            ["RabbitMq__DeadLetterQueue"] = queue + ".dead",
            ["RabbitMq__RetryQueuePrefix"] = queue + ".retry",
            ["Inbox__Path"] = inbox,
            ["OMP_THREAD_LIMIT"] = "1",
            // The worker's own log lines are the signals: "Consuming …" when ready, "Indexed submission …" per message.
            ["Logging__LogLevel__CaseIngest.Messaging"] = "Information",
        };
        foreach (var (key, value) in environment.Options.WorkerSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Describes <c>--worker-setting</c>s for a row's note ("" when there are none).</summary>
    public static string DescribeOverrides(BenchEnvironment environment) =>
        environment.Options.WorkerSettings.Count == 0 ? "" : " (" + string.Join(", ", environment.Options.WorkerSettings.Select(s => $"{s.Key}={s.Value}")) + ")";

    /// <summary>Queues every package of <paramref name="packages"/> with <c>caseingest enqueue</c>.</summary>
    public static async Task EnqueueAsync(BenchEnvironment environment, Dictionary<string, string> settings, string packages, string work,
        CancellationToken cancellationToken) =>
        await ChildProcess.RunAsync(environment.HostExecutable, ["enqueue", packages], work, settings, cancellationToken);

    /// <summary>Starts <paramref name="count"/> workers and waits until each consumes.</summary>
    public static async Task<WorkerFleet> StartAsync(BenchEnvironment environment, Dictionary<string, string> settings, string work, int count,
        DrainSignal progress, CancellationToken cancellationToken)
    {
        var fleet = new WorkerFleet(progress);
        try
        {
            var ready = new List<Task>();
            for (var i = 1; i <= count; i++)
            {
                var consuming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var folder = Directory.CreateDirectory(Path.Combine(work, $"w{i}")).FullName;
                fleet._processes.Add(ChildProcess.Start(environment.HostExecutable,
                    ["worker", "--index", Path.Combine(folder, "index"), "--store", Path.Combine(folder, "store")], folder, settings,
                    line =>
                    {
                        if (line.Contains("Consuming ", StringComparison.Ordinal))
                        {
                            Interlocked.CompareExchange(ref fleet._firstConsuming, Stopwatch.GetTimestamp(), 0);
                            consuming.TrySetResult();
                        }

                        progress.Observe(line);
                    }));
                ready.Add(consuming.Task);
            }

            await Task.WhenAll(ready).WaitAsync(s_readyTimeout, cancellationToken);
            return fleet;
        }
        catch (TimeoutException ex)
        {
            var log = fleet._processes.Count > 0 ? ChildProcess.Tail(fleet._processes[0].Error, 10) : "";
            await fleet.DisposeAsync();
            throw new InvalidOperationException("workers not ready in time: " + log, ex);
        }
    }

    /// <summary>Waits until the workers have settled <paramref name="expected"/> messages (or the timeout passed).</summary>
    public async Task<DrainResult> DrainAsync(int expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var finished = await _progress.Completed.WaitAsync(timeout, cancellationToken)
            .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        var end = finished ? _progress.CompletedAt : Stopwatch.GetTimestamp();
        var cpu = _processes.Sum(p => p.CpuSeconds() ?? 0);
        return new DrainResult(_progress.Indexed, _progress.DeadLettered, expected, finished, Stopwatch.GetElapsedTime(_firstConsuming, end), cpu);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()));
}

/// <summary>How a queue of <see cref="Expected"/> messages drained, and the CPU the workers used (start-up included).</summary>
internal sealed record DrainResult(int Indexed, int DeadLettered, int Expected, bool Finished, TimeSpan Elapsed, double CpuSeconds)
{
    public int Settled => Indexed + DeadLettered;

    public double PerMinute => Settled / Elapsed.TotalMinutes;

    public string Describe() =>
        $"{Settled} of {Expected} messages{(Finished ? "" : " (TIMED OUT)")} in {Elapsed.TotalSeconds:0.0} s, {DeadLettered} dead-lettered, " +
        $"{CpuSeconds / Math.Max(1, Settled):0.00} CPU s a message";
}
