using System.Globalization;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Workers;

/// <summary>A worker's memory over a long run: one <c>caseingest worker</c> (default OCR engine and lanes) through 500
/// packages, its peak resident set (VmHWM) read after 100, 250 and all of them, so growth over time shows.</summary>
public sealed class WorkerMemoryBench : IBenchPart
{
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromMinutes(60);

    public string Name => "memory";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var count = environment.Options.MemoryPackages;
        var checkpoints = new[] { count / 5, count / 2 };
        var peaks = new double?[checkpoints.Length];
        ChildProcess? worker = null;
        var progress = new DrainSignal(count, settled =>
        {
            var at = Array.IndexOf(checkpoints, settled);
            if (at >= 0 && worker is not null)
            {
                peaks[at] = worker.PeakResidentMib();
            }

            // A long run: its course on the console, so a run cut short still tells how memory went.
            if (settled % 25 == 0 && worker is not null)
            {
                Console.Error.WriteLine($"[bench] memory: {settled} of {count} packages, VmHWM {Mib(worker.PeakResidentMib())}, VmRSS {Mib(worker.ResidentMib())}, load {MachineInfo.LoadAverage()}");
            }
        });

        await using var broker = await LocalBroker.StartAsync(environment.RepoRoot, environment.NewWorkFolder("memory-broker"), cancellationToken);
        var work = environment.NewWorkFolder("memory");
        var packages = Path.Combine(work, "packages");
        CorpusReplicator.Replicate(environment.CorpusPackages, packages, count, "M-");
        var settings = WorkerFleet.Settings(environment, broker.Uri, $"bench-memory-{Guid.NewGuid():N}", environment.NewWorkFolder("memory-inbox"));
        await WorkerFleet.EnqueueAsync(environment, settings, packages, work, cancellationToken);
        var load = MachineInfo.LoadAverage();
        await using var fleet = await WorkerFleet.StartAsync(environment, settings, work, 1, progress, cancellationToken);
        worker = fleet.Processes[0];
        var atStart = worker.PeakResidentMib();
        var drained = await fleet.DrainAsync(count, s_drainTimeout, cancellationToken);
        var final = worker.PeakResidentMib();
        var overrides = WorkerFleet.DescribeOverrides(environment);
        return
        [
            new("memory", $"peak resident memory of a worker after {drained.Settled} packages (VmHWM)", Mib(final), "< 700 MiB (two OCR lanes)",
                $"one `caseingest worker`, every plugin, default OCR engine and lanes{overrides}; {drained.Describe()}; load {load} → {MachineInfo.LoadAverage()}"),
            new("memory", $"… ready, after {checkpoints[0]}, after {checkpoints[1]} packages", $"{Mib(atStart)} / {Mib(peaks[0])} / {Mib(peaks[1])}", "flat",
                "VmHWM when consuming began and at the checkpoints: growth over the run shows here"),
        ];
    }

    private static string Mib(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " MiB" : "n/a";
}
