using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>A scripted stand-in for an Elasticsearch node behind <see cref="RecordingHandler"/>: it keeps bulk-indexed
/// sources and answers every search with all of them (it does not evaluate queries — the behaviour suite does that
/// against a real node), so the backend's request flows can be recorded end to end.</summary>
internal sealed class ScriptedElasticsearch : IDisposable
{
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private bool _aliasExists;

    public ScriptedElasticsearch(SearchOptions? options = null)
    {
        Options = options ?? new SearchOptions
        {
            Provider = SearchProviders.Elasticsearch,
            Elasticsearch = new ElasticsearchOptions { Url = new Uri("http://es.test:9200"), ApiKey = "a2V5OnNlY3JldA==", Alias = "cases" },
        };
        Handler = new RecordingHandler(r => Failures.TryDequeue(out var failure) ? failure : Answer(r));
        _http = new HttpClient(Handler);
        var client = new ElasticsearchClient(_http, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ElasticsearchClient>.Instance);
        Index = new ElasticsearchSearchIndex(client, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    public SearchOptions Options { get; }

    public RecordingHandler Handler { get; }

    public ElasticsearchSearchIndex Index { get; }

    /// <summary>Answers given before the script's (to make the node refuse or throttle).</summary>
    public Queue<(HttpStatusCode, string?)> Failures { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => Handler.Requests;

    public void Dispose()
    {
        Index.Dispose();
        _http.Dispose();
    }

    private (HttpStatusCode, string?) Answer(RecordedRequest request)
    {
        const string Ack = """{"acknowledged":true}""";
        var alias = Options.Elasticsearch.Alias;
        return (request.Method, request.Path) switch
        {
            ("HEAD", _) when request.Path == "/_alias/" + alias => (_aliasExists ? HttpStatusCode.OK : HttpStatusCode.NotFound, null),
            ("PUT", _) when request.Path.StartsWith("/_index_template/", StringComparison.Ordinal) => (HttpStatusCode.OK, Ack),
            ("PUT", _) => Created(),
            ("GET", _) when request.Path == "/_alias/" + alias => (HttpStatusCode.OK, "{\"" + alias + "-v1\":{\"aliases\":{\"" + alias + "\":{}}}}"),
            ("GET", _) when request.Path.Contains("/_doc/", StringComparison.Ordinal) => Get(request.Path.Split('/')[^1]),
            ("POST", "/_bulk") => Bulk(request.Body!),
            ("POST", _) when request.Path.EndsWith("/_search", StringComparison.Ordinal) => Search(request.Body!),
            ("POST", _) when request.Path.EndsWith("/_refresh", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"_shards":{"total":1,"successful":1,"failed":0}}"""),
            ("POST", "/_aliases") => (HttpStatusCode.OK, Ack),
            ("DELETE", _) => (HttpStatusCode.OK, Ack),
            _ => (HttpStatusCode.BadRequest, """{"error":"unscripted"}"""),
        };

        (HttpStatusCode, string?) Created()
        {
            _aliasExists = true;
            return (HttpStatusCode.OK, Ack);
        }
    }

    private (HttpStatusCode, string?) Get(string id) => _documents.TryGetValue(id, out var source)
        ? (HttpStatusCode.OK, new JsonObject { ["_id"] = id, ["found"] = true, ["_source"] = new JsonObject { ["record"] = source["record"]!.DeepClone() } }.ToJsonString())
        : (HttpStatusCode.NotFound, $$"""{"_id":"{{id}}","found":false}""");

    private (HttpStatusCode, string?) Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().Single();
            var id = action.Value!["_id"]!.GetValue<string>();
            if (action.Key == "delete")
            {
                _documents.Remove(id);
            }
            else
            {
                _documents[id] = JsonNode.Parse(lines[++i])!.AsObject();
            }

            items.Add(new JsonObject { [action.Key] = new JsonObject { ["_id"] = id, ["status"] = 200 } });
        }

        return (HttpStatusCode.OK, new JsonObject { ["errors"] = false, ["items"] = items }.ToJsonString());
    }

    private (HttpStatusCode, string?) Search(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var after = request["search_after"]?[0]?.GetValue<string>();
        var size = request["size"]?.GetValue<int>() ?? 10;
        var matches = _documents.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Where(d => after is null || string.CompareOrdinal(d.Key, after) > 0).ToList();
        var hits = new JsonArray(matches.Take(size).Select(d => (JsonNode)new JsonObject
        {
            ["_id"] = d.Key,
            ["_score"] = 1.5,
            ["_source"] = new JsonObject { ["record"] = d.Value["record"]!.DeepClone() },
            ["sort"] = new JsonArray(d.Key),
            ["highlight"] = new JsonObject { ["body"] = new JsonArray("建设<em>供应链</em>协同") },
        }).ToArray());
        var response = new JsonObject
        {
            ["took"] = 1,
            ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = matches.Count, ["relation"] = "eq" }, ["hits"] = hits },
        };
        if (request["aggs"] is JsonObject aggs)
        {
            var aggregations = new JsonObject();
            foreach (var (name, _) in aggs)
            {
                var field = aggs[name]!["terms"]!["field"]!.GetValue<string>();
                var counts = _documents.Values.SelectMany(d => d[field] switch
                    {
                        JsonArray array => array.Select(v => v!.ToString()),
                        null => [],
                        var value => [value.ToString()],
                    })
                    .GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
                aggregations[name] = new JsonObject
                {
                    ["buckets"] = new JsonArray(counts.Select(g => (JsonNode)new JsonObject
                    {
                        ["key"] = field == "edition" ? JsonValue.Create(int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(g.Key),
                        ["doc_count"] = g.Count(),
                    }).ToArray()),
                };
            }

            response["aggregations"] = aggregations;
        }

        return (HttpStatusCode.OK, response.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
