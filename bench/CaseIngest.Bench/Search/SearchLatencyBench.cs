using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;
using CaseIngest.Search;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Bench.Search;

/// <summary>Search latency of the Lucene backend (<see cref="LuceneSearchIndex"/>, what <c>serve</c> and <c>search</c>
/// use) over synthetic cases: one query at a time, each with highlights and every facet, median and 99th percentile.
/// The largest index is built once under a reusable folder and reused while its marker matches.</summary>
public sealed class SearchLatencyBench : IBenchPart
{
    private const int BatchSize = 1_000;
    private const int WarmUpQueries = 100;
    private const int LargeIndexThreshold = 50_000;
    private const string MarkerName = "bench-index.json";

    public string Name => "search";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var cases = new SyntheticCases(ReportParagraphs.Read(environment.CorpusPackages));
        var queries = Queries(cases.QueryWords(), environment.Options.SearchQueries);
        var rows = new List<ResultRow>();
        foreach (var size in environment.Options.SearchSizes)
        {
            var reusable = size >= LargeIndexThreshold;
            var folder = reusable ? environment.LargeIndexPath : environment.NewWorkFolder($"index-{size}");
            var (built, buildTime) = await EnsureIndexAsync(folder, cases, size, reusable, cancellationToken);
            using var index = Open(folder);
            foreach (var query in queries.Take(WarmUpQueries))
            {
                await index.SearchAsync(query, cancellationToken);
            }

            var latencies = new List<double>(queries.Count);
            long hits = 0;
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var result = await index.SearchAsync(query, cancellationToken);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                hits += result.Total;
            }

            var (medianTarget, p99Target) = size <= 10_000 ? ("< 5 / < 25", "") : ("< 20 / < 100", "");
            rows.Add(new("search", $"{size:N0} cases: median / p99 ms", string.Create(CultureInfo.InvariantCulture,
                $"{Percentiles.Of(latencies, 50):0.0} / {Percentiles.Of(latencies, 99):0.0}"), medianTarget + p99Target,
                $"{queries.Count} queries one at a time (words, two words, a phrase, filtered), top 10 with highlights + 5 facets; mean {hits / queries.Count:N0} matches"));
            rows.Add(new("search", $"{size:N0} cases: index build", built
                ? string.Create(CultureInfo.InvariantCulture, $"{size / buildTime.TotalSeconds:0} cases/s")
                : "reused", "", built ? $"{buildTime.TotalSeconds:0} s, batches of {BatchSize:N0}" : $"built earlier in {folder}"));
        }

        return rows;
    }

    private static LuceneSearchIndex Open(string folder) =>
        new(Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = folder } }), NullLogger<LuceneSearchIndex>.Instance);

    private static async Task<(bool Built, TimeSpan Time)> EnsureIndexAsync(string folder, SyntheticCases cases, int size, bool reusable,
        CancellationToken cancellationToken)
    {
        var marker = Path.Combine(folder, MarkerName);
        var expected = JsonSerializer.Serialize(new { cases = size, generator = SyntheticCases.Version });
        if (reusable && File.Exists(marker) && File.ReadAllText(marker) == expected)
        {
            return (false, TimeSpan.Zero);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        using (var index = Open(folder))
        {
            for (var start = 0; start < size; start += BatchSize)
            {
                var batch = Enumerable.Range(start, Math.Min(BatchSize, size - start)).Select(cases.Create).ToList();
                await index.UpsertAsync(batch, cancellationToken);
            }
        }

        clock.Stop();
        await File.WriteAllTextAsync(marker, expected, cancellationToken);
        return (true, clock.Elapsed);
    }

    /// <summary>A fixed mix: 60 % one word, 20 % two words, 10 % a quoted phrase, 10 % a word with a type filter.</summary>
    private static List<SearchQuery> Queries(IReadOnlyList<string> words, int count)
    {
        var random = new Random(20261124);
        string Word() => words[random.Next(words.Count)];
        return [.. Enumerable.Range(0, count).Select(i => (i % 10) switch
        {
            < 6 => new SearchQuery { Text = Word() },
            < 8 => new SearchQuery { Text = $"{Word()} {Word()}" },
            8 => new SearchQuery { Text = $"\"{Word()}\"" },
            _ => new SearchQuery { Text = Word(), Type = CaseTypes.All[random.Next(CaseTypes.All.Count)] },
        })];
    }
}
