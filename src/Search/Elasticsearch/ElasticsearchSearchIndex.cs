using System.Globalization;
using System.Runtime.CompilerServices;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Documents;
using CaseIngest.Search.Highlighting;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Querying;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The Elasticsearch backend: versioned indices <c>{alias}-v{n}</c> behind one alias, created from an index
/// template. A singleton: it holds the gate that keeps writes out of a reindex while it copies.</summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex, ISearchIndexMaintenance, ISimilarTextSearch, IDisposable
{
    private const int PageSize = 500;

    private readonly ElasticsearchConnection _connection;
    private readonly ElasticsearchOptions _options;
    private readonly ILogger<ElasticsearchSearchIndex> _logger;
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    // The snippets' needles come from the same analyser as the Lucene backend's: the same marks whichever backend.
    private readonly ChineseAnalyzer _queryAnalyzer = ChineseAnalyzer.ForQueries();
    private readonly QueryTerms _terms;
    private bool _ready;

    public ElasticsearchSearchIndex(ElasticsearchConnection connection, IOptions<SearchOptions> options, ILogger<ElasticsearchSearchIndex> logger)
    {
        _connection = connection;
        _options = options.Value.Elasticsearch;
        _logger = logger;
        _terms = new QueryTerms(_queryAnalyzer);
    }

    private string Alias => _options.Alias;

    public Task UpsertAsync(IReadOnlyCollection<CaseRecord> records, CancellationToken cancellationToken) =>
        WriteAsync(records.Select(IndexOperation(Alias)).ToList(), cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken) =>
        WriteAsync(submissionIds.Select(id => (IBulkOperation)new BulkDeleteOperation(id) { Index = Alias }).ToList(), cancellationToken);

    public async Task<CaseRecord?> GetAsync(string submissionId, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var response = await _connection.CallAsync($"get {submissionId}", (client, token) =>
            client.GetAsync<ElasticsearchCaseSource>(Alias, submissionId, g => g.SourceIncludes(SearchFields.Record), token), cancellationToken, 404);
        return response.Found && response.Source is { } source ? source.ToRecord() : null;
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var scope = SearchScopes.Normalize(query.Scope);
        var needles = _terms.Needles(query.Text);
        var response = await _connection.CallAsync("search", (client, token) => client.SearchAsync<ElasticsearchCaseSource>(s => s
            .Indices(Alias)
            .From(Math.Max(0, query.Offset))
            .Size(Math.Clamp(query.Limit, 0, 10_000))
            .TrackTotalHits(true)
            .Query(ElasticsearchQueryBuilder.Search(query))
            .Sort(ElasticsearchQueryBuilder.Sort(query.Sort))
            .Source(ElasticsearchQueryBuilder.RecordOnly)
            .Aggregations(ElasticsearchQueryBuilder.Aggregations()), token), cancellationToken);

        return new SearchResult
        {
            Total = response.Total,
            Hits = response.Hits.Select(h => HitSnippets.Hit(CaseDocument.From(RecordOf(h)), h.Score ?? 0, scope, needles)).ToList(),
            Facets = Facets(response.Aggregations),
        };
    }

    public async Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(string submissionId, int count, CancellationToken cancellationToken)
    {
        var record = await GetAsync(submissionId, cancellationToken);
        if (record is null)
        {
            return [];
        }

        var document = CaseDocument.From(record);
        return await MoreLikeTextAsync(document.Title + "\n" + document.Body, submissionId, count, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> MoreLikeTextAsync(string text, string? excludeSubmissionId, int count, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var response = await _connection.CallAsync("more like this", (client, token) => client.SearchAsync<ElasticsearchCaseSource>(s => s
            .Indices(Alias)
            .Size(Math.Max(1, count))
            .Query(ElasticsearchQueryBuilder.MoreLikeText(text, excludeSubmissionId))
            .Source(ElasticsearchQueryBuilder.RecordOnly), token), cancellationToken);
        return response.Hits.Select(h => CaseDocument.From(RecordOf(h)).ToHit(h.Score ?? 0, null, [])).ToList();
    }

    public async IAsyncEnumerable<CaseRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await foreach (var record in ReadIndexAsync(Alias, cancellationToken))
        {
            yield return record;
        }
    }

    public async IAsyncEnumerable<CaseRecord> ReadOutlinesAsync(OutlineFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var query = ElasticsearchQueryBuilder.Filtered(filter.AsSearchQuery());
        await foreach (var record in ReadIndexAsync(Alias, query, ElasticsearchQueryBuilder.OutlineOnly, cancellationToken))
        {
            // The same shape whatever the server's source filtering left in.
            yield return RecordOutline.Of(record);
        }
    }

    public async Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var current = await IndicesBehindAliasAsync(cancellationToken);
            var next = NextIndexName(current);
            await _connection.CallAsync($"create {next}", (client, token) => client.Indices.CreateAsync(next, token), cancellationToken);
            long count = 0;
            var batch = new List<CaseRecord>(PageSize);
            await foreach (var record in ReadIndexAsync(Alias, cancellationToken))
            {
                batch.Add(record);
                if (batch.Count == PageSize)
                {
                    await _connection.BulkAsync(batch.Select(IndexOperation(next)).ToList(), cancellationToken);
                    count += batch.Count;
                    batch.Clear();
                }
            }

            await _connection.BulkAsync(batch.Select(IndexOperation(next)).ToList(), cancellationToken);
            count += batch.Count;
            await _connection.CallAsync($"refresh {next}", (client, token) => client.Indices.RefreshAsync(next, token), cancellationToken);

            // One _aliases call removes the old indices and adds the new one atomically: no search sees neither.
            await _connection.CallAsync("alias swap", (client, token) => client.Indices.UpdateAliasesAsync(a => a.Actions(
                current.Select(old => (IndexUpdateAliasesAction)new RemoveAction { Index = old, Alias = Alias })
                    .Append(new AddAction { Index = next, Alias = Alias, IsWriteIndex = true })
                    .ToList()), token), cancellationToken);
            foreach (var old in current)
            {
                await _connection.CallAsync($"delete {old}", (client, token) => client.Indices.DeleteAsync(old, token), cancellationToken, 404);
            }

            var previous = current.Count == 0 ? null : string.Join(',', current);
            _logger.Reindexed(count, next, previous);
            return new ReindexResult(count, next, previous);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _queryAnalyzer.Dispose();
        _readyGate.Dispose();
        _writeGate.Dispose();
    }

    private static Func<CaseRecord, IBulkOperation> IndexOperation(string index) => record =>
        new BulkIndexOperation<ElasticsearchCaseSource>(ElasticsearchCaseSource.From(record), index) { Id = record.SubmissionId };

    private async Task WriteAsync(List<IBulkOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            return;
        }

        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await _connection.BulkAsync(operations, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Puts the index template and, when the alias does not exist yet, creates the first version behind it.</summary>
    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        await _readyGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            var template = ElasticsearchIndexDefinition.Template(Alias, _options.Analyzer);
            await _connection.CallAsync("put index template", (client, token) => client.Indices.PutIndexTemplateAsync(template, token), cancellationToken);
            var exists = await _connection.CallAsync("alias exists", (client, token) => client.Indices.ExistsAliasAsync(Alias, token), cancellationToken, 404);
            if (!exists.Exists)
            {
                var first = Alias + "-v1";
                await _connection.CallAsync($"create {first}", (client, token) => client.Indices.CreateAsync(first, c => c
                    .Aliases(new Dictionary<Name, Alias> { [Alias] = new Alias { IsWriteIndex = true } }), token), cancellationToken);
                _logger.CreatedElasticsearchIndex(first, Alias);
            }

            Volatile.Write(ref _ready, true);
        }
        finally
        {
            _readyGate.Release();
        }
    }

    private IAsyncEnumerable<CaseRecord> ReadIndexAsync(string index, CancellationToken cancellationToken) =>
        ReadIndexAsync(index, new MatchAllQuery(), ElasticsearchQueryBuilder.RecordOnly, cancellationToken);

    private async IAsyncEnumerable<CaseRecord> ReadIndexAsync(string index, Query query, SourceConfig source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var hit in _connection.SearchAllAsync<ElasticsearchCaseSource>(index, query, SearchFields.SubmissionId,
                           source, cancellationToken))
        {
            yield return RecordOf(hit);
        }
    }

    private async Task<IReadOnlyList<string>> IndicesBehindAliasAsync(CancellationToken cancellationToken)
    {
        var response = await _connection.CallAsync("get alias", (client, token) => client.Indices.GetAliasAsync(g => g.Name(Alias), token), cancellationToken, 404);
        return response.ApiCallDetails.HttpStatusCode == 404 || response.Aliases is null
            ? []
            : response.Aliases.Keys.Order(StringComparer.Ordinal).ToList();
    }

    private string NextIndexName(IReadOnlyList<string> current)
    {
        var prefix = Alias + "-v";
        var highest = current.Select(n => n.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return prefix + (highest + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static CaseRecord RecordOf(Hit<ElasticsearchCaseSource> hit) =>
        (hit.Source ?? throw new InvalidOperationException($"Elasticsearch returned {hit.Id} without its _source")).ToRecord();

    /// <summary>The facets from the typed aggregates (<c>sterms</c> for keywords, <c>lterms</c> for the edition).</summary>
    private static Dictionary<string, IReadOnlyList<FacetCount>> Facets(AggregateDictionary? aggregations)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var (name, aggregate) in aggregations ?? new AggregateDictionary(new Dictionary<string, IAggregate>()))
        {
            facets[name] = aggregate switch
            {
                StringTermsAggregate terms => terms.Buckets.Select(b => new FacetCount(b.Key.ToString() ?? "", b.DocCount)).ToList(),
                LongTermsAggregate numbers => numbers.Buckets
                    .Select(b => new FacetCount(b.KeyAsString ?? b.Key.ToString(CultureInfo.InvariantCulture), b.DocCount)).ToList(),
                _ => [],
            };
        }

        return facets;
    }
}
