using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Embedded;
using CaseIngest.Search.History;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Repository;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The audit store's write cost per decision: a decision is one transaction of two events (a finding dismissed, the
// package decided), appended with synchronous=FULL (on disk before it returns). Measured alone, and as the whole
// decision through the repository (revision check, audit append, Lucene upsert and commit).
// Usage: dotnet run -c Release --project bench/ReviewBench [decisions=500] [folder]
var decisions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "caseingest-reviewbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
try
{
    var search = Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = root } });
    using var database = new ReviewDatabase(Options.Create(new ReviewDatabaseOptions()), search);
    var audit = new SqliteAuditStore(database);

    // 1. The audit store alone.
    var at = DateTimeOffset.UtcNow;
    await audit.AppendAsync([Event("warm", 0)], CancellationToken.None);
    var alone = new List<double>(decisions);
    for (var i = 0; i < decisions; i++)
    {
        var watch = Stopwatch.StartNew();
        await audit.AppendAsync([Event($"A{i % 100}", i), Event($"A{i % 100}", i)], CancellationToken.None);
        alone.Add(watch.Elapsed.TotalMilliseconds);
    }

    Report("audit append (2 events, 1 transaction)", alone);

    // 2. The whole decision through the repository over a Lucene index.
    using var index = new LuceneSearchIndex(search, NullLogger<LuceneSearchIndex>.Instance);
    using var repository = new CaseRepository(index, audit, new SqliteRecordHistory(database, TimeProvider.System), TimeProvider.System,
        NullLogger<CaseRepository>.Instance);
    const int Cases = 100;
    for (var c = 0; c < Cases; c++)
    {
        await repository.SaveAsync(new CaseRecord
        {
            SubmissionId = $"C{c}", Verdict = Verdict.Rejected, PackageSha256 = "s",
            Findings = [new Finding { Code = FindingCodes.NoToc, Severity = Severity.Error, Message = "缺少目录", Evidence = "未找到目录" }],
            Report = new ReportSection { Title = "案例" + c, Text = string.Concat(Enumerable.Repeat("智能制造供应链协同。", 400)) },
        }, CancellationToken.None);
    }

    var whole = new List<double>(decisions);
    for (var i = 0; i < decisions; i++)
    {
        var id = $"C{i % Cases}";
        var watch = Stopwatch.StartNew();
        var update = await repository.UpdateReviewAsync(id, new ReviewEdit(new ReviewActor("bench", "reviewer"), null, record =>
        {
            var review = record.Review!;
            review.Findings.Clear();
            review.Findings.Add(new FindingDecision { Code = FindingCodes.NoToc, Evidence = "未找到目录", Decision = i % 2 == 0 ? FindingOutcome.Dismissed : FindingOutcome.Upheld, Reason = "bench" });
            review.Decision = new PackageDecision { Outcome = i % 2 == 0 ? PackageOutcome.Compliant : PackageOutcome.NonCompliant, Reason = "bench" };
            return ReviewEditResult.Of(new ReviewChange(AuditActions.FindingDecided, "no_toc", null, "x"), new ReviewChange(AuditActions.PackageDecided, null, null, "y"));
        }), CancellationToken.None);
        whole.Add(watch.Elapsed.TotalMilliseconds);
        if (update.Status != ReviewUpdateStatus.Saved)
        {
            throw new InvalidOperationException(update.Status.ToString());
        }
    }

    Report("whole decision (revision check + audit + Lucene upsert/commit)", whole);
    Console.WriteLine($"audit file: {new FileInfo(database.Path).Length / 1024} KiB (+WAL) after {2 * decisions * 2 + 1} events");

    AuditEvent Event(string id, int n) => new()
    {
        SubmissionId = id, Actor = "bench", Role = "reviewer", At = at, What = AuditActions.FindingDecided,
        Subject = "first_person｜我们认为", Before = null, After = "dismissed：引用原话", Revision = n,
    };
}
finally
{
    Directory.Delete(root, recursive: true);
}

static void Report(string what, List<double> milliseconds)
{
    milliseconds.Sort();
    double P(double q) => milliseconds[(int)Math.Min(milliseconds.Count - 1, Math.Round(q * (milliseconds.Count - 1)))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: n={milliseconds.Count} median {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, mean {milliseconds.Average():F2} ms"));
}
