using System.Globalization;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.EndToEnd;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Workers;

/// <summary>The worker path against <c>caseingest ingest</c>, side by side in one run on the same packages (the corpus
/// replicated to 100): ingest's packages per minute, then 1 and 2 real <c>caseingest worker</c> processes (every
/// plugin, their default concurrency) against a local RabbitMQ, the messages queued first, messages per minute from the
/// first worker consuming to the last record indexed, and each as a ratio of ingest's figure. The three run in turn
/// three times (ingest, 1, 2, ingest, 1, 2, …; once with --quick): on this machine one command's figure moves by a tenth
/// between consecutive runs (`ingest` 103.3 then 83.6 a minute, 1.13 then 1.39 CPU s a package, in one run), more than
/// the gap the ratio is to show, so each figure is the mean of its rounds and the ratio the ratio of the means, every
/// round's own figure in the notes.</summary>
public sealed class WorkerPathBench : IBenchPart
{
    private static readonly int[] s_workerCounts = [1, 2];
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromMinutes(15);

    public string Name => "worker";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var count = environment.Options.Packages;
        var rounds = environment.Options.Quick ? 1 : 3;
        await using var broker = await LocalBroker.StartAsync(environment.RepoRoot, environment.NewWorkFolder("broker"), cancellationToken);
        var inbox = environment.NewWorkFolder("inbox");
        var ingest = new List<RoundFigure>();
        var byWorkers = s_workerCounts.ToDictionary(workers => workers, _ => new List<RoundFigure>());
        for (var round = 1; round <= rounds; round++)
        {
            ingest.Add(await RunIngestAsync(environment, count, round, cancellationToken));
            foreach (var workers in s_workerCounts)
            {
                byWorkers[workers].Add(await RunWorkersAsync(environment, broker.Uri, inbox, count, workers, round, cancellationToken));
            }
        }

        var ingestRate = ingest.Average(r => r.PerMinute);
        var rows = new List<ResultRow>
        {
            new("worker", "`ingest`: packages per minute (the reference)", F(ingestRate), "",
                $"{count} packages (the corpus round-robin, new ids), `caseingest ingest` with its defaults, the command's own figure (after start-up); " +
                Rounds(ingest)),
        };
        foreach (var workers in s_workerCounts)
        {
            var figures = byWorkers[workers];
            var processes = $"{workers} worker process{(workers > 1 ? "es" : "")}";
            var rate = figures.Average(r => r.PerMinute);
            rows.Add(new("worker", $"{processes}: messages per minute", F(rate),
                workers == 1 ? "≈ ingest" : "≈ ingest (the cores set the pace)",
                $"every plugin; default concurrency and prefetch{WorkerFleet.DescribeOverrides(environment)}; queued first, timed from the first worker consuming to the last indexed; " +
                Rounds(figures)));
            rows.Add(new("worker", $"{processes} ÷ ingest", F(rate / ingestRate, "0.00"), "≥ 1.0 (same machine, same packages)",
                $"the mean of messages per minute ÷ the mean of ingest's packages per minute; by round {string.Join(", ", figures.Zip(ingest, (w, i) => F(w.PerMinute / i.PerMinute, "0.00")))}"));
        }

        return rows;
    }

    private static async Task<RoundFigure> RunIngestAsync(BenchEnvironment environment, int count, int round, CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder($"worker-ingest-{round}");
        var packages = Path.Combine(work, "packages");
        CorpusReplicator.Replicate(environment.CorpusPackages, packages, count, $"WI{round}-");
        var cpuBefore = ChildProcess.EndedChildrenCpuSeconds();
        var run = await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", packages, "--index", Path.Combine(work, "index"), "--store", Path.Combine(work, "store")],
            work, new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, cancellationToken);
        var cpuPerPackage = (ChildProcess.EndedChildrenCpuSeconds() - cpuBefore) / count;
        return new(EndToEndBench.SummaryRate(run.Output), $"{cpuPerPackage:0.00} CPU s a package (start-up included); load {load} → {MachineInfo.LoadAverage()}");
    }

    private static async Task<RoundFigure> RunWorkersAsync(BenchEnvironment environment, string brokerUri, string inbox, int count, int workers, int round,
        CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder($"worker-{workers}-{round}");
        var packages = Path.Combine(work, "packages");
        CorpusReplicator.Replicate(environment.CorpusPackages, packages, count, $"W{workers}R{round}-");
        var settings = WorkerFleet.Settings(environment, brokerUri, $"bench-{workers}-{Guid.NewGuid():N}", inbox);
        await WorkerFleet.EnqueueAsync(environment, settings, packages, work, cancellationToken);
        await using var fleet = await WorkerFleet.StartAsync(environment, settings, work, workers, new DrainSignal(count), cancellationToken);
        var drained = await fleet.DrainAsync(count, s_drainTimeout, cancellationToken);
        return new(drained.PerMinute, $"{drained.Describe()}; load {load} → {MachineInfo.LoadAverage()}");
    }

    private static string Rounds(IReadOnlyList<RoundFigure> figures) =>
        string.Join("; ", figures.Select((f, i) => $"round {i + 1}: {F(f.PerMinute)}, {f.Note}"));

    private static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>One command's figure in one round, and what the notes say of it.</summary>
    private sealed record RoundFigure(double PerMinute, string Note);
}
