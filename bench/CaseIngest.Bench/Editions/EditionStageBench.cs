using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;
using CaseIngest.Bench.Search;
using CaseIngest.Editions;
using CaseIngest.Editions.Stage;
using CaseIngest.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Bench.Editions;

/// <summary>The edition stage (src/Editions) over one edition of synthetic cases (the search bench's generator, whole
/// records with report text) in a Lucene index: the first check of the edition, then one package added and the edition
/// checked again (what <c>ingest</c> and a worker batch cost on top of processing), then a check with nothing changed.</summary>
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
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCaseIngestSearch(configuration);
        services.AddCaseIngestEditions(configuration);
        await using var provider = services.BuildServiceProvider();
        var index = provider.GetRequiredService<ISearchIndex>();
        var repository = provider.GetRequiredService<ICaseRepository>();
        var stage = provider.GetRequiredService<EditionStage>();

        var cases = new SyntheticCases(ReportParagraphs.Read(environment.CorpusPackages));
        foreach (var batch in Enumerable.Range(1, size).Chunk(1_000))
        {
            await index.UpsertAsync(batch.Select(n => OfEdition8(cases.Create(n))).ToList(), cancellationToken);
        }

        var first = await stage.RunAsync(8, cancellationToken);
        var added = new List<(double Ms, int Written)>();
        for (var i = 1; i <= Added; i++)
        {
            // A package of an existing recommender, submitted after every other: over its quota, one record to write.
            await repository.SaveAsync(OfEdition8(cases.Create(size + i)) is var record && record.SubmittedAt is { } at
                ? With(record, at.AddYears(1)) : record, cancellationToken);
            var clock = Stopwatch.StartNew();
            var result = await stage.RunAsync(8, cancellationToken);
            added.Add((clock.Elapsed.TotalMilliseconds, result.Written.Count));
        }

        var unchanged = Stopwatch.StartNew();
        var idle = await stage.RunAsync(8, cancellationToken);
        var unchangedMs = unchanged.Elapsed.TotalMilliseconds;
        var load = MachineInfo.LoadAverage();
        var figures = string.Join(", ", added.Select(a => a.Ms.ToString("0", CultureInfo.InvariantCulture)));
        return
        [
            new("edition", $"{size:N0} records of one edition: first check", $"{first.Elapsed.TotalMilliseconds:0} ms", "",
                $"{first.Written.Count:N0} records written (recommenderNormalized, quotas), {first.Passes} pass(es); load {load}"),
            new("edition", $"{size:N0} records, one package added: check", $"{Percentiles.Of(added.Select(a => a.Ms).ToList(), 50):0} ms (median of {Added})", "",
                $"each: {figures} ms; {added.Max(a => a.Written)} record(s) written each; reads every record twice (check + settle); load {load}"),
            new("edition", $"{size:N0} records, nothing changed: check", $"{unchangedMs:0} ms", "", $"{idle.Written.Count} written; load {load}"),
        ];
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
