using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The Elasticsearch backend: versioned indices <c>{alias}-v{n}</c> behind one alias, created from an index
/// template. A singleton: it holds the one <see cref="ElasticsearchClient"/> and the gate that keeps writes out of a
/// reindex while it copies.</summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex, ISearchIndexMaintenance, ISimilarTextSearch, IDisposable
{
    private const int MaxHighlights = 3;
    private const int PageSize = 500;
    private const int MaxBulkRetries = 5;

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchOptions _options;
    private readonly ILogger<ElasticsearchSearchIndex> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private bool _ready;

    public ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<SearchOptions> options, ILogger<ElasticsearchSearchIndex> logger,
        TimeProvider? time = null)
    {
        _client = client;
        _options = options.Value.Elasticsearch;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    private string Alias => _options.Alias;

    public async Task UpsertAsync(IReadOnlyCollection<CaseRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await BulkIndexAsync(Alias, records, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken)
    {
        if (submissionIds.Count == 0)
        {
            return;
        }

        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await BulkAsync(ElasticsearchQueryBuilder.BulkDelete(Alias, submissionIds), cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<CaseRecord?> GetAsync(string submissionId, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var response = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Get, $"/{Alias}/_doc/{Uri.EscapeDataString(submissionId)}")
        {
            Query = [new("_source_includes", SearchFields.Record)],
        }, cancellationToken, HttpStatusCode.NotFound);
        return response.Status == HttpStatusCode.NotFound || response.Body is not { } body
               || !body.TryGetProperty("found", out var found) || !found.GetBoolean()
            ? null
            : RecordOf(body);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var body = await SearchBodyAsync(ElasticsearchQueryBuilder.Search(query), cancellationToken);
        var hits = body.GetProperty("hits");
        var result = new List<SearchHit>();
        foreach (var hit in hits.GetProperty("hits").EnumerateArray())
        {
            result.Add(ToHit(hit));
        }

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        if (body.TryGetProperty("aggregations", out var aggregations))
        {
            foreach (var facet in aggregations.EnumerateObject())
            {
                facets[facet.Name] = facet.Value.GetProperty("buckets").EnumerateArray()
                    .Select(b => new FacetCount(KeyOf(b), b.GetProperty("doc_count").GetInt64())).ToList();
            }
        }

        return new SearchResult { Total = hits.GetProperty("total").GetProperty("value").GetInt64(), Hits = result, Facets = facets };
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
        var body = await SearchBodyAsync(ElasticsearchQueryBuilder.MoreLikeText(text, excludeSubmissionId, count), cancellationToken);
        return body.GetProperty("hits").GetProperty("hits").EnumerateArray().Select(ToHit).ToList();
    }

    public async IAsyncEnumerable<CaseRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await foreach (var record in ReadIndexAsync(Alias, cancellationToken))
        {
            yield return record;
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
            await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Put, "/" + next, "{}"), cancellationToken);
            long count = 0;
            var batch = new List<CaseRecord>(PageSize);
            await foreach (var record in ReadIndexAsync(Alias, cancellationToken))
            {
                batch.Add(record);
                if (batch.Count == PageSize)
                {
                    await BulkIndexAsync(next, batch, cancellationToken);
                    count += batch.Count;
                    batch.Clear();
                }
            }

            await BulkIndexAsync(next, batch, cancellationToken);
            count += batch.Count;
            await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Post, $"/{next}/_refresh"), cancellationToken);

            // One _aliases call removes the old indices and adds the new one atomically: no search sees neither.
            var actions = new System.Text.Json.Nodes.JsonArray();
            foreach (var old in current)
            {
                actions.Add(new System.Text.Json.Nodes.JsonObject { ["remove"] = new System.Text.Json.Nodes.JsonObject { ["index"] = old, ["alias"] = Alias } });
            }

            actions.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["add"] = new System.Text.Json.Nodes.JsonObject { ["index"] = next, ["alias"] = Alias, ["is_write_index"] = true },
            });
            await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Post, "/_aliases",
                ElasticsearchQueryBuilder.Compact(new System.Text.Json.Nodes.JsonObject { ["actions"] = actions })), cancellationToken);
            foreach (var old in current)
            {
                await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Delete, "/" + old), cancellationToken, HttpStatusCode.NotFound);
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
        _readyGate.Dispose();
        _writeGate.Dispose();
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
            await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Put, "/_index_template/" + ElasticsearchIndexDefinition.TemplateName(Alias),
                ElasticsearchQueryBuilder.Compact(template)), cancellationToken);
            var exists = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Head, "/_alias/" + Alias), cancellationToken, HttpStatusCode.NotFound);
            if (exists.Status == HttpStatusCode.NotFound)
            {
                var first = Alias + "-v1";
                var create = new System.Text.Json.Nodes.JsonObject
                {
                    ["aliases"] = new System.Text.Json.Nodes.JsonObject { [Alias] = new System.Text.Json.Nodes.JsonObject { ["is_write_index"] = true } },
                };
                await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Put, "/" + first, ElasticsearchQueryBuilder.Compact(create)), cancellationToken);
                _logger.CreatedElasticsearchIndex(first, Alias);
            }

            Volatile.Write(ref _ready, true);
        }
        finally
        {
            _readyGate.Release();
        }
    }

    private async Task<JsonElement> SearchBodyAsync(System.Text.Json.Nodes.JsonObject body, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var response = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Post, $"/{Alias}/_search", ElasticsearchQueryBuilder.Compact(body)),
            cancellationToken);
        return response.Body ?? throw new ElasticsearchException($"Elasticsearch answered a search on {Alias} without a body");
    }

    private async IAsyncEnumerable<CaseRecord> ReadIndexAsync(string index, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var response = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Post, $"/{index}/_search",
                ElasticsearchQueryBuilder.Compact(ElasticsearchQueryBuilder.ReadPage(PageSize, after))), cancellationToken);
            var hits = response.Body!.Value.GetProperty("hits").GetProperty("hits");
            var read = 0;
            foreach (var hit in hits.EnumerateArray())
            {
                read++;
                after = hit.GetProperty("sort")[0].GetString();
                yield return RecordOf(hit);
            }

            if (read < PageSize)
            {
                yield break;
            }
        }
    }

    private Task BulkIndexAsync(string index, IReadOnlyCollection<CaseRecord> records, CancellationToken cancellationToken) =>
        records.Count == 0 ? Task.CompletedTask : BulkAsync(ElasticsearchQueryBuilder.BulkIndex(index, records), cancellationToken);

    /// <summary>Sends a bulk body; items refused with 429 (queue full) are sent again with backoff, other item errors throw.
    /// <c>refresh=wait_for</c>: the call returns once the writes are searchable, as <see cref="ISearchIndex.UpsertAsync"/> promises.</summary>
    private async Task BulkAsync(string ndjson, CancellationToken cancellationToken)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var attempt = 0; ; attempt++)
        {
            var response = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Post, "/_bulk", string.Join('\n', lines) + "\n", ElasticsearchClient.NdJson)
            {
                Query = [new("refresh", "wait_for")],
            }, cancellationToken);
            var body = response.Body!.Value;
            if (!body.GetProperty("errors").GetBoolean())
            {
                return;
            }

            var retry = new List<string>();
            var failures = new List<string>();
            var line = 0;
            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                var (action, result) = item.EnumerateObject().Select(p => (p.Name, p.Value)).First();
                var linesOfItem = action == "delete" ? 1 : 2;
                var status = result.GetProperty("status").GetInt32();
                if (status == 429)
                {
                    retry.AddRange(lines.Skip(line).Take(linesOfItem));
                }
                else if (status >= 300 && !(action == "delete" && status == 404))
                {
                    failures.Add($"{result.GetProperty("_id").GetString()}: {(result.TryGetProperty("error", out var e) ? e.ToString() : status.ToString(CultureInfo.InvariantCulture))}");
                }

                line += linesOfItem;
            }

            if (failures.Count > 0)
            {
                throw new ElasticsearchException("Elasticsearch refused documents: " + string.Join("; ", failures));
            }

            if (retry.Count == 0)
            {
                return;
            }

            if (attempt >= MaxBulkRetries)
            {
                throw new ElasticsearchException($"Elasticsearch kept answering 429 to {retry.Count / 2} bulk items after {MaxBulkRetries} retries");
            }

            var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));
            _logger.ElasticsearchRetry(429, "POST", "/_bulk", attempt + 1, delay);
            await Task.Delay(delay, _time, cancellationToken);
            lines = retry.ToArray();
        }
    }

    private async Task<IReadOnlyList<string>> IndicesBehindAliasAsync(CancellationToken cancellationToken)
    {
        var response = await _client.SendCheckedAsync(new ElasticsearchRequest(HttpMethod.Get, "/_alias/" + Alias), cancellationToken, HttpStatusCode.NotFound);
        return response.Status == HttpStatusCode.NotFound || response.Body is not { } body
            ? []
            : body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }

    private string NextIndexName(IReadOnlyList<string> current)
    {
        var prefix = Alias + "-v";
        var highest = current.Select(n => n.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return prefix + (highest + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static CaseRecord RecordOf(JsonElement hit) =>
        hit.GetProperty("_source").GetProperty(SearchFields.Record).Deserialize<CaseRecord>(CaseRecordJson.Options)
        ?? throw new ElasticsearchException("A stored record was null");

    private static SearchHit ToHit(JsonElement hit)
    {
        var document = CaseDocument.From(RecordOf(hit));
        var highlights = new List<string>(MaxHighlights);
        if (hit.TryGetProperty("highlight", out var highlight))
        {
            foreach (var field in new[] { SearchFields.Title, SearchFields.Body })
            {
                if (highlight.TryGetProperty(field, out var fragments))
                {
                    highlights.AddRange(fragments.EnumerateArray().Select(f => f.GetString() ?? "").Take(MaxHighlights - highlights.Count));
                }
            }
        }

        var score = hit.TryGetProperty("_score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return document.ToHit(score, highlights);
    }

    private static string KeyOf(JsonElement bucket) =>
        bucket.TryGetProperty("key_as_string", out var text) ? text.GetString() ?? "" : bucket.GetProperty("key").ToString();
}
