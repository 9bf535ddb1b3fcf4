using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;
using CaseIngest.Bench.Search;
using CaseIngest.Core.Startup;
using CaseIngest.Editions;
using CaseIngest.Editions.Stage;
using CaseIngest.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Bench.Editions;

/// <summary>The edition stage (src/Editions) over one edition of synthetic cases (the search bench's generator, whole
/// records with report text) in a Lucene index: the first check of the edition (whole: what the first check in a process,
/// <c>edition-check</c> and <c>ingest</c> cost), then one package added and checked as a worker batch checks it (given the
/// submission saved: its recommender's records and the duplicate pairs are read, not the edition), then a whole check with
/// nothing changed.</summary>
public sealed class EditionStageBench : IBenchPart
{
    private const int Added = 5;

    public string Name => "edition";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var size = environment.Options.Quick ? 2_000 : 10_000;
        var folder = environment.NewWorkFolder("edition-index");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:Lucene:Path"] = folder,
        }).Build();
        await using var provider = HostStartup.Build(services => services.AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddCaseIngestSearch(configuration).AddCaseIngestEditions(configuration));
        var index = provider.GetRequiredService<ISearchIndex>();
        var repository = provider.GetRequiredService<ICaseRepository>();
        var stage = provider.GetRequiredService<EditionStage>();

        var cases = new SyntheticCases(ReportParagraphs.Read(environment.CorpusPackages));
        foreach (var batch in Enumerable.Range(1, size).Chunk(1_000))
        {
            await index.UpsertAsync(batch.Select(n => OfEdition8(cases.Create(n))).ToList(), cancellationToken);
        }

        var first = await stage.RunAsync(8, cancellationToken);
        // CPU time beside wall time: on a shared machine the wall time is mostly waiting for a core.
        var added = new List<(double Ms, double CpuMs, int Written)>();
        var read = 0;
        for (var i = 1; i <= Added; i++)
        {
            // A package of an existing recommender, submitted after every other: over its quota, one record to write.
            var record = OfEdition8(cases.Create(size + i));
            await repository.SaveAsync(record.SubmittedAt is { } at ? With(record, at.AddYears(1)) : record, cancellationToken);
            var cpu = CpuMilliseconds();
            var clock = Stopwatch.StartNew();
            var result = (await stage.RunAsync([new TouchedEdition(8, [record.SubmissionId])], cancellationToken)).Single();
            added.Add((clock.Elapsed.TotalMilliseconds, CpuMilliseconds() - cpu, result.Written.Count));
            read = result.Read;
        }

        var idleCpu = CpuMilliseconds();
        var unchanged = Stopwatch.StartNew();
        var idle = await stage.RunAsync(8, cancellationToken);
        var unchangedMs = unchanged.Elapsed.TotalMilliseconds;
        idleCpu = CpuMilliseconds() - idleCpu;
        var load = MachineInfo.LoadAverage();
        var figures = string.Join(", ", added.Select(a => a.Ms.ToString("0", CultureInfo.InvariantCulture)));
        return
        [
            new("edition", $"{size:N0} records of one edition: first check", $"{first.Elapsed.TotalMilliseconds:0} ms", "",
                $"{first.Written.Count:N0} records written (recommenderNormalized, quotas), {first.Passes} pass(es); load {load}"),
            new("edition", $"{size:N0} records, one package added: check", $"{Percentiles.Of(added.Select(a => a.Ms).ToList(), 50):0} ms (median of {Added})", "",
                $"each: {figures} ms (CPU {string.Join(", ", added.Select(a => a.CpuMs.ToString("0", CultureInfo.InvariantCulture)))} ms); {added.Max(a => a.Written)} record(s) written each; {read} outlines read (its recommender's records and the duplicate pairs), twice (check, then settle after writing); load {load}"),
            new("edition", $"{size:N0} records, nothing changed: check", $"{unchangedMs:0} ms", "", $"whole edition: {idle.Read:N0} outlines read once, {idle.Written.Count} written; CPU {idleCpu:0} ms; load {load}"),
        ];
    }

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static CaseRecord OfEdition8(CaseRecord record)
    {
        record.Edition = 8;
        record.ProcessedAt = record.SubmittedAt;
        record.PackageSha256 = "bench-" + record.SubmissionId;
        return record;
    }

    private static CaseRecord With(CaseRecord record, DateTimeOffset submittedAt)
    {
        record.SubmittedAt = submittedAt;
        record.ProcessedAt = submittedAt;
        return record;
    }
}
