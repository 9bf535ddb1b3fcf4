using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Corpus;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;
using CaseIngest.Bench.Workers;
using CaseIngest.Core.Startup;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Bench.Chaos;

/// <summary>Reliability under failure, run by hand (<c>bench/chaos.sh</c>), never in CI: N packages (corpus copies, a few
/// empty folders among them) through 2 real <c>caseingest worker</c> processes on a local RabbitMQ, while worker 1 is
/// SIGKILLed three times (and started again on its index) and the broker is restarted once. Some submissions carry a
/// person's decision and score before the run. Afterwards every index is read: each submission must be there once,
/// every decision and score kept, every empty folder rejected for missing documents.</summary>
public sealed class ChaosRun : IBenchPart
{
    private const int DecidedSubmissions = 30;
    private const string DecidedType = "经营管理类";
    private const string DecidedNote = "chaos: a person's decision";
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromMinutes(5);

    public string Name => "chaos";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var total = environment.Options.ChaosPackages;
        var empties = Math.Max(1, total / 50);
        var work = environment.NewWorkFolder("chaos");
        var packages = Path.Combine(work, "packages");
        var copies = CorpusReplicator.Replicate(environment.CorpusPackages, packages, total - empties, "CH-");
        var ids = copies.Select(p => Path.GetFileNameWithoutExtension(p.TrimEnd(Path.DirectorySeparatorChar))).ToList();
        for (var i = 1; i <= empties; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"CH-EMPTY-{i:000}");
            Directory.CreateDirectory(Path.Combine(packages, id));
            ids.Add(id);
        }

        var decided = ids.Take(Math.Min(DecidedSubmissions, ids.Count / 2)).ToList();
        var indexes = new[] { Path.Combine(work, "w1", "index"), Path.Combine(work, "w2", "index") };
        foreach (var index in indexes)
        {
            await SeedDecisionsAsync(index, decided, cancellationToken);
        }

        await using var broker = await LocalBroker.StartAsync(environment.RepoRoot, environment.NewWorkFolder("chaos-broker"), cancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["RabbitMq__Uri"] = broker.Uri,
            ["RabbitMq__Concurrency"] = "1",
            ["RabbitMq__Prefetch"] = "1",
            ["Inbox__Path"] = environment.NewWorkFolder("chaos-inbox"),
            ["OMP_THREAD_LIMIT"] = "1",
            ["Logging__LogLevel__CaseIngest.Messaging"] = "Information",
        };
        var progress = new Progress(ids.Count);
        var workers = new ChildProcess?[2];
        var events = new List<string>();
        var afterBrokerRestart = -1;
        var clock = Stopwatch.StartNew();
        void Event(string what)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0}s, {progress.Distinct}/{ids.Count} indexed: {what}");
            events.Add(line);
            Console.Error.WriteLine("[chaos] " + line);
        }

        async Task StartWorkerAsync(int n)
        {
            var consuming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var folder = Path.GetDirectoryName(indexes[n])!;
            workers[n] = ChildProcess.Start(environment.HostExecutable,
                ["worker", "--index", indexes[n], "--store", Path.Combine(folder, "store")], folder, settings, line =>
                {
                    if (line.Contains("Consuming ", StringComparison.Ordinal))
                    {
                        consuming.TrySetResult();
                    }

                    progress.Observe(line);
                });
            await consuming.Task.WaitAsync(s_readyTimeout, cancellationToken);
        }

        try
        {
            await Task.WhenAll(StartWorkerAsync(0), StartWorkerAsync(1));
            Event("both workers consuming; enqueue starts");
            await ChildProcess.RunAsync(environment.HostExecutable, ["enqueue", packages], work, settings, cancellationToken);
            Event("enqueue done");

            // Kills of worker 1 at 15 %, 45 % and 60 % of the way; the broker stopped at 30 % (stopping takes a while
            // under load, so early enough that work is left for after it comes back).
            foreach (var fraction in new[] { 0.15, 0.3, 0.45, 0.6 })
            {
                await progress.ReachedAsync((int)(ids.Count * fraction), cancellationToken);
                if (fraction == 0.3)
                {
                    await broker.StopAsync(cancellationToken);
                    Event("broker stopped");
                    await broker.StartAgainAsync(cancellationToken);
                    afterBrokerRestart = progress.Distinct;
                    Event("broker started again on its data");
                    continue;
                }

                await workers[0]!.KillAsync();
                Event($"worker 1 SIGKILLed (pid {workers[0]!.Id})");
                await workers[0]!.DisposeAsync();
                await StartWorkerAsync(0);
                Event("worker 1 consuming again");
            }

            var drained = await progress.ReachedAsync(ids.Count, cancellationToken, environment.Options.ChaosDrainTimeout);
            Event(drained ? "every submission indexed or dead-lettered" : "TIMED OUT waiting for the rest");
        }
        finally
        {
            foreach (var worker in workers.Where(w => w is not null))
            {
                await worker!.StopAsync(TimeSpan.FromSeconds(30));
                await worker.DisposeAsync();
            }
        }

        clock.Stop();
        events.Add(string.Create(CultureInfo.InvariantCulture,
            $"{ids.Count - afterBrokerRestart} submissions were indexed after the broker came back"));
        return await VerifyAsync(indexes, ids, decided, progress, events, clock.Elapsed, cancellationToken);
    }

    private static async Task<IReadOnlyList<ResultRow>> VerifyAsync(string[] indexes, List<string> ids, List<string> decided, Progress progress,
        List<string> events, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, List<(int Index, CaseRecord Record)>>(StringComparer.Ordinal);
        var duplicatesWithinAnIndex = 0;
        for (var i = 0; i < indexes.Length; i++)
        {
            await using var services = Search(indexes[i]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var record in services.GetRequiredService<ISearchIndex>().ReadAllAsync(cancellationToken))
            {
                duplicatesWithinAnIndex += seen.Add(record.SubmissionId) ? 0 : 1;
                if (!held.TryGetValue(record.SubmissionId, out var list))
                {
                    held[record.SubmissionId] = list = [];
                }

                list.Add((i, record));
            }
        }

        // A submission counts as indexed when some index holds it processed (not only the decision seeded before the run).
        var processed = ids.Where(id => held.TryGetValue(id, out var copies) && copies.Any(c => c.Record.ProcessedAt is not null)).ToList();
        var missing = ids.Except(processed, StringComparer.Ordinal).ToList();
        var inBoth = ids.Count(id => held.TryGetValue(id, out var copies) && copies.Count(c => c.Record.ProcessedAt is not null) > 1);
        var unexpected = held.Keys.Except(ids, StringComparer.Ordinal).Count();
        var decisionsKept = decided.Count(id => held.TryGetValue(id, out var copies) && copies.All(c =>
            c.Record.Review?.ConfirmedType == DecidedType && c.Record.Review.Shortlist is { Rating: 4, Note: DecidedNote }));
        var empties = ids.Where(id => id.StartsWith("CH-EMPTY-", StringComparison.Ordinal)).ToList();
        var emptiesRejected = empties.Count(id => held.TryGetValue(id, out var copies) && copies.Any(c =>
            c.Record.Verdict == Verdict.Rejected && c.Record.Findings.Any(f => f.Code == FindingCodes.MissingDocument)));
        var reprocessed = progress.IndexedLines - progress.Distinct;

        string Pass(bool ok) => ok ? "ok" : "FAILED";
        return
        [
            new("chaos", "submissions indexed (union of the 2 worker indexes)", $"{processed.Count} / {ids.Count}", Pass(missing.Count == 0),
                $"{elapsed.TotalMinutes:0.0} min; missing: {(missing.Count == 0 ? "none" : string.Join(", ", missing.Take(10)))}; {unexpected} unexpected ids"),
            new("chaos", "documents per submission within an index", duplicatesWithinAnIndex == 0 ? "1" : $"{duplicatesWithinAnIndex} duplicates",
                Pass(duplicatesWithinAnIndex == 0), $"{inBoth} submissions redelivered after a kill and indexed by both workers (same id, each index once)"),
            new("chaos", "indexings beyond one per submission (redeliveries)", reprocessed.ToString(CultureInfo.InvariantCulture), "",
                $"{progress.IndexedLines} 'Indexed submission' lines for {progress.Distinct} submissions; {progress.DeadLettered} dead-lettered"),
            new("chaos", "decisions and scores kept", $"{decisionsKept} / {decided.Count}", Pass(decisionsKept == decided.Count),
                "confirmed type and shortlist (rating 4, note) written before the run, checked in every index holding the submission"),
            new("chaos", "empty package folders rejected (missing_document)", $"{emptiesRejected} / {empties.Count}", Pass(emptiesRejected == empties.Count), ""),
            new("chaos", "events", $"{events.Count}", "", string.Join("; ", events)),
        ];
    }

    private static async Task SeedDecisionsAsync(string index, List<string> decided, CancellationToken cancellationToken)
    {
        await using var services = Search(index);
        var repository = services.GetRequiredService<ICaseRepository>();
        foreach (var id in decided)
        {
            // An older submission of the same id, as if the case had been processed and reviewed before: the run's
            // newer one replaces it and must keep what the person decided.
            await repository.SaveAsync(new CaseRecord
            {
                SubmissionId = id, Verdict = Verdict.NeedsReview, SubmittedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            }, cancellationToken);
            await repository.UpdateReviewAsync(id, new ReviewEdit(new ReviewActor("chaos", "admin"), null, record =>
            {
                record.Review!.ConfirmedType = DecidedType;
                record.Review.ConfirmedBy = "chaos";
                record.Review.Shortlist = new Shortlist { Rating = 4, Note = DecidedNote, By = "chaos", At = DateTimeOffset.UtcNow };
                return ReviewEditResult.Of(
                    new ReviewChange(AuditActions.TypeConfirmed, null, null, DecidedType),
                    new ReviewChange(AuditActions.Shortlisted, null, null, "4"));
            }), cancellationToken);
        }
    }

    private static ServiceProvider Search(string index)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:Lucene:Path"] = index }).Build();
        return HostStartup.Build(services => services.AddLogging().AddCaseIngestSearch(configuration));
    }

    /// <summary>The workers' "Indexed submission ID" and "dead-lettered" lines: distinct submissions, lines, waits.</summary>
    private sealed class Progress(int expected)
    {
        private readonly ConcurrentDictionary<string, int> _indexed = new(StringComparer.Ordinal);
        private int _lines;
        private int _deadLettered;

        public int Distinct => _indexed.Count + DeadLettered;

        public int IndexedLines => Volatile.Read(ref _lines);

        public int DeadLettered => Volatile.Read(ref _deadLettered);

        public void Observe(string line)
        {
            const string marker = "Indexed submission ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = line[(at + marker.Length)..];
                var id = rest[..Math.Max(0, rest.IndexOf(':', StringComparison.Ordinal))];
                _indexed.AddOrUpdate(id, 1, (_, n) => n + 1);
                Interlocked.Increment(ref _lines);
            }
            else if (line.Contains(" dead-lettered to ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _deadLettered);
            }
        }

        /// <summary>Waits until <paramref name="count"/> submissions are done (polled: the log is the only signal).</summary>
        public async Task<bool> ReachedAsync(int count, CancellationToken cancellationToken, TimeSpan? timeout = null)
        {
            var deadline = Stopwatch.StartNew();
            while (Distinct < Math.Min(count, expected))
            {
                if (timeout is { } limit && deadline.Elapsed > limit)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            return true;
        }
    }
}
