using System.Globalization;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.EndToEnd;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Workers;

/// <summary>The worker path against <c>caseingest ingest</c>, side by side in one run on the same packages (the corpus
/// replicated to 100): ingest's packages per minute, then 1 and 2 real <c>caseingest worker</c> processes (every
/// plugin, their default concurrency) against a local RabbitMQ, messages per minute from the start of
/// <c>caseingest enqueue</c> to the last record indexed, and each as a ratio of ingest's figure.</summary>
public sealed class WorkerPathBench : IBenchPart
{
    private static readonly int[] s_workerCounts = [1, 2];
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromMinutes(15);

    public string Name => "worker";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var count = environment.Options.Packages;
        var (ingestRate, ingestRow) = await RunIngestAsync(environment, count, cancellationToken);
        var rows = new List<ResultRow> { ingestRow };
        await using var broker = await LocalBroker.StartAsync(environment.RepoRoot, environment.NewWorkFolder("broker"), cancellationToken);
        var inbox = environment.NewWorkFolder("inbox");
        foreach (var workers in s_workerCounts)
        {
            var load = MachineInfo.LoadAverage();
            var work = environment.NewWorkFolder($"worker-{workers}");
            var packages = Path.Combine(work, "packages");
            CorpusReplicator.Replicate(environment.CorpusPackages, packages, count, $"W{workers}-");
            var settings = WorkerFleet.Settings(environment, broker.Uri, $"bench-{workers}-{Guid.NewGuid():N}", inbox);
            await WorkerFleet.EnqueueAsync(environment, settings, packages, work, cancellationToken);
            await using var fleet = await WorkerFleet.StartAsync(environment, settings, work, workers, new DrainSignal(count), cancellationToken);
            var drained = await fleet.DrainAsync(count, s_drainTimeout, cancellationToken);
            var processes = $"{workers} worker process{(workers > 1 ? "es" : "")}";
            rows.Add(new("worker", $"{processes}: messages per minute", F(drained.PerMinute),
                workers == 1 ? "≈ ingest" : "≈ ingest (the cores set the pace)",
                $"{drained.Describe()}; every plugin; default concurrency and prefetch{WorkerFleet.DescribeOverrides(environment)}; queued first, timed from the first worker consuming to the last indexed; load {load} → {MachineInfo.LoadAverage()}"));
            rows.Add(new("worker", $"{processes} ÷ ingest", F(drained.PerMinute / ingestRate, "0.00"), "≥ 1.0 (same machine, same packages)",
                "messages per minute ÷ ingest's packages per minute, one run"));
        }

        return rows;
    }

    private static async Task<(double Rate, ResultRow Row)> RunIngestAsync(BenchEnvironment environment, int count, CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder("worker-ingest");
        var packages = Path.Combine(work, "packages");
        CorpusReplicator.Replicate(environment.CorpusPackages, packages, count, "WI-");
        var cpuBefore = ChildProcess.EndedChildrenCpuSeconds();
        var run = await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", packages, "--index", Path.Combine(work, "index"), "--store", Path.Combine(work, "store")],
            work, new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, cancellationToken);
        var rate = EndToEndBench.SummaryRate(run.Output);
        var cpuPerPackage = (ChildProcess.EndedChildrenCpuSeconds() - cpuBefore) / count;
        return (rate, new("worker", "`ingest`: packages per minute (the reference)", F(rate), "",
            $"{count} packages (the corpus round-robin, new ids), `caseingest ingest` with its defaults, the command's own figure (after start-up); {cpuPerPackage:0.00} CPU s a package (start-up included); load {load} → {MachineInfo.LoadAverage()}"));
    }

    private static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
