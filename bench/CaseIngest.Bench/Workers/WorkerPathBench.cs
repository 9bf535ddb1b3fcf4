using System.Diagnostics;
using System.Globalization;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Workers;

/// <summary>The worker path: 1, 2 and 4 real <c>caseingest worker</c> processes (every plugin) against a local RabbitMQ,
/// messages per minute from the start of <c>caseingest enqueue</c> to the last record indexed; and the peak memory of
/// the single worker over that run. Each worker process has its own Lucene index (the embedded index takes one writer;
/// several processes share an index only through Elasticsearch).</summary>
public sealed class WorkerPathBench : IBenchPart
{
    private static readonly int[] s_workerCounts = [1, 2, 4];
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromMinutes(10);

    public string Name => "worker";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var rows = new List<ResultRow>();
        await using var broker = await LocalBroker.StartAsync(environment.RepoRoot, environment.NewWorkFolder("broker"), cancellationToken);
        var inbox = environment.NewWorkFolder("inbox");
        foreach (var workers in s_workerCounts)
        {
            rows.AddRange(await RunWorkersAsync(environment, broker.Uri, inbox, workers, cancellationToken));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<ResultRow>> RunWorkersAsync(BenchEnvironment environment, string brokerUri, string inbox, int workerCount,
        CancellationToken cancellationToken)
    {
        var messages = environment.Options.WorkerMessages;
        var work = environment.NewWorkFolder($"worker-{workerCount}");
        var queue = $"bench-{workerCount}-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["RabbitMq__Uri"] = brokerUri,
            ["RabbitMq__Queue"] = queue,
            ["RabbitMq__DeadLetterQueue"] = queue + ".dead",
            ["RabbitMq__RetryQueuePrefix"] = queue + ".retry",
            // One message at a time per process, so the process count is the number of lanes.
            ["RabbitMq__Concurrency"] = "1",
            ["RabbitMq__Prefetch"] = "1",
            ["Inbox__Path"] = inbox,
            ["OMP_THREAD_LIMIT"] = "1",
            // The worker's own log lines are the signals: "Consuming …" when ready, "Indexed submission …" per message.
            ["Logging__LogLevel__CaseIngest.Messaging"] = "Information",
        };
        var progress = new DrainSignal(messages);
        var processes = new List<ChildProcess>();
        try
        {
            var ready = new List<Task>();
            for (var i = 1; i <= workerCount; i++)
            {
                var consuming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var folder = Directory.CreateDirectory(Path.Combine(work, $"w{i}")).FullName;
                processes.Add(ChildProcess.Start(environment.HostExecutable,
                    ["worker", "--index", Path.Combine(folder, "index"), "--store", Path.Combine(folder, "store")], folder, settings,
                    line =>
                    {
                        if (line.Contains("Consuming ", StringComparison.Ordinal))
                        {
                            consuming.TrySetResult();
                        }

                        progress.Observe(line);
                    }));
                ready.Add(consuming.Task);
            }

            await Task.WhenAll(ready).WaitAsync(s_readyTimeout, cancellationToken);
            CorpusReplicator.Replicate(environment.CorpusPackages, Path.Combine(work, "packages"), messages, $"W{workerCount}-");
            var clock = Stopwatch.StartNew();
            await ChildProcess.RunAsync(environment.HostExecutable, ["enqueue", Path.Combine(work, "packages")], work, settings, cancellationToken);
            var finished = await progress.Completed.WaitAsync(s_drainTimeout, cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            clock.Stop();
            var done = progress.Indexed + progress.DeadLettered;
            var rows = new List<ResultRow>
            {
                new("worker", $"{workerCount} worker process{(workerCount > 1 ? "es" : "")}: messages per minute",
                    (done / clock.Elapsed.TotalMinutes).ToString("0.0", CultureInfo.InvariantCulture),
                    workerCount == 1 ? "" : "grows until the cores are busy",
                    $"{done} of {messages} messages{(finished ? "" : " (TIMED OUT)")} in {clock.Elapsed.TotalSeconds:0.0} s, {progress.DeadLettered} dead-lettered; every plugin; concurrency 1, prefetch 1 each; enqueue included"),
            };
            if (workerCount == 1 && processes[0].PeakResidentMib() is { } peak)
            {
                rows.Add(new("memory", "peak resident memory of a worker (VmHWM)", $"{peak:0} MiB", "",
                    $"one `caseingest worker` after {done} corpus packages, every plugin, default OCR engine"));
            }

            return rows;
        }
        catch (TimeoutException)
        {
            var log = processes.Count > 0 ? ChildProcess.Tail(processes[0].Error, 10) : "";
            return [new("worker", $"{workerCount} worker process(es): messages per minute", "n/a", "", "workers not ready in time: " + log)];
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Counts the workers' "Indexed submission" and "dead-lettered" log lines; completes at the expected count.</summary>
    private sealed class DrainSignal(int expected)
    {
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _indexed;
        private int _deadLettered;

        public Task Completed => _completed.Task;

        public int Indexed => Volatile.Read(ref _indexed);

        public int DeadLettered => Volatile.Read(ref _deadLettered);

        public void Observe(string line)
        {
            if (line.Contains("Indexed submission ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _indexed);
            }
            else if (line.Contains(" dead-lettered to ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _deadLettered);
            }
            else
            {
                return;
            }

            if (Indexed + DeadLettered >= expected)
            {
                _completed.TrySetResult();
            }
        }
    }
}
