using BenchmarkDotNet.Attributes;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Search;
using CaseIngest.MicroBench.Fixtures;
using CaseIngest.Search;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.MicroBench.Benchmarks;

/// <summary>The Lucene index over 2,000 synthetic cases: one record upserted (durable and searchable on return, as the
/// worker needs), and one search with highlights and facets.</summary>
[MemoryDiagnoser]
public class IndexBenchmarks : IDisposable
{
    private const int Cases = 2_000;
    private DirectoryInfo _work = null!;
    private LuceneSearchIndex _index = null!;
    private CaseRecord _record = new();
    private int _next = Cases;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _work = Directory.CreateTempSubdirectory("microbench-index-");
        _index = new LuceneSearchIndex(Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = _work.FullName } }),
            NullLogger<LuceneSearchIndex>.Instance);
        var cases = new SyntheticCases(ReportParagraphs.Read(Path.Combine(CorpusPackage.RepoRoot, "tests", "corpus", "packages")));
        foreach (var chunk in Enumerable.Range(0, Cases).Chunk(500))
        {
            await _index.UpsertAsync([.. chunk.Select(cases.Create)], CancellationToken.None);
        }

        _record = cases.Create(Cases);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        if (_work?.Exists == true)
        {
            _work.Delete(recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task UpsertOne()
    {
        // A new id each time: the index grows by the few thousand documents BenchmarkDotNet runs, not the 2,000.
        _record.SubmissionId = $"U{_next++:000000}";
        await _index.UpsertAsync([_record], CancellationToken.None);
    }

    [Benchmark]
    public Task<SearchResult> SearchWithHighlightsAndFacets() =>
        _index.SearchAsync(new SearchQuery { Text = "智能制造 质量" }, CancellationToken.None);

    [Benchmark]
    public Task<SearchResult> SearchPhraseWithTypeFilter() =>
        _index.SearchAsync(new SearchQuery { Text = "\"数字孪生\"", Type = CaseTypes.Solution }, CancellationToken.None);
}
