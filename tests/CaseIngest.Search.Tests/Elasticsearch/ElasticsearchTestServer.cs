using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>An in-process HTTP server on a free local port that answers our operations as an Elasticsearch node does
/// on the wire (no node can run here): the <c>X-Elastic-Product</c> header, the media type the request asked for, gzip
/// request bodies read and responses gzipped when accepted, aggregation names prefixed with their type under
/// <c>typed_keys</c>, 404s shaped as the node shapes them. It keeps indices, aliases and bulk-written sources; a search
/// answers with every document of its target in id order (it does not evaluate queries — the behaviour suite does that
/// against a real node).</summary>
internal sealed class ElasticsearchTestServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> s_numericFields = ["edition", "rating"];

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _indices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<string> Indices, string? WriteIndex)> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Index, string Id), long> _seqNos = [];
    private long _seqNo;

    private ElasticsearchTestServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Answers given before the script's, in order (to make the node throttle or fail).</summary>
    public Queue<(HttpStatusCode Status, string? Body)> Failures { get; } = new();

    /// <summary>How many requests reached this server.</summary>
    public int Received { get; private set; }

    public static async Task<ElasticsearchTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ElasticsearchTestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var stream = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(request.Body, CompressionMode.Decompress)
                : request.Body;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        (HttpStatusCode Status, string? Body) answer;
        lock (_lock)
        {
            Received++;
            answer = Failures.TryDequeue(out var failure)
                ? failure
                : Answer(request.Method, Uri.UnescapeDataString(request.Path.Value ?? "/"), request.Query, body);
        }

        var response = context.Response;
        response.StatusCode = (int)answer.Status;
        response.Headers["X-Elastic-Product"] = "Elasticsearch";
        if (answer.Status == HttpStatusCode.TooManyRequests)
        {
            response.Headers.RetryAfter = "0";
        }

        if (answer.Body is null || HttpMethods.IsHead(request.Method))
        {
            return;
        }

        // The node answers in the media type asked for (the client asks for the versioned JSON type).
        var accept = request.Headers.Accept.ToString();
        response.ContentType = accept.Length == 0 || accept == "*/*" ? "application/json" : accept.Split(',')[0].Trim();
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(bytes);
        }
        else
        {
            await response.Body.WriteAsync(bytes);
        }
    }

    private (HttpStatusCode, string?) Answer(string method, string path, IQueryCollection query, string? body)
    {
        var typedKeys = query["typed_keys"] == "true";
        const string Ack = """{"acknowledged":true}""";
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("HEAD", []) => Ok(Ack),
            ("GET", []) => Ok("""{"name":"test-node","cluster_name":"caseingest-test","version":{"number":"9.1.0"},"tagline":"You Know, for Search"}"""),
            ("GET", ["_nodes", var metrics]) when metrics.StartsWith("http", StringComparison.Ordinal) => Ok(NodesInfo()),
            ("PUT", ["_index_template", _]) => Ok(Ack),
            ("HEAD", ["_alias", var alias]) => _aliases.ContainsKey(alias) ? Ok(Ack) : Missing(alias),
            ("GET", ["_alias", var alias]) => _aliases.TryGetValue(alias, out var a)
                ? Ok(new JsonObject(a.Indices.Select(i => KeyValuePair.Create(i, (JsonNode?)new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } }))))
                : (HttpStatusCode.NotFound, $$"""{"error":"alias [{{alias}}] missing","status":404}"""),
            ("PUT", [var index]) => Create(index, body),
            ("HEAD", [var index]) => _indices.ContainsKey(index) ? Ok("{}") : Missing(index),
            ("PUT" or "POST", [var index, "_doc", var id]) => IndexOne(index, id, body!, query),
            ("DELETE", [var index]) => Delete(index),
            ("GET", [var target, "_doc", var id]) => Get(target, id),
            ("POST", ["_bulk"]) => Bulk(body!),
            ("POST", [var target, "_search"]) => Search(target, JsonNode.Parse(body ?? "{}")!.AsObject(), typedKeys),
            ("POST", [_, "_refresh"]) => Ok("""{"_shards":{"total":1,"successful":1,"failed":0}}"""),
            ("POST", ["_aliases"]) => UpdateAliases(JsonNode.Parse(body!)!["actions"]!.AsArray()),
            _ => (HttpStatusCode.BadRequest, $$"""{"error":{"type":"illegal_argument_exception","reason":"unscripted {{method}} {{path}}"},"status":400}"""),
        };
    }

    /// <summary>What a sniff learns: this node alone, at its published address.</summary>
    private JsonObject NodesInfo() => new()
    {
        ["_nodes"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 },
        ["cluster_name"] = "caseingest-test",
        ["nodes"] = new JsonObject
        {
            ["test-node-id"] = new JsonObject
            {
                ["name"] = "test-node",
                ["host"] = Url.Host,
                ["ip"] = Url.Host,
                ["version"] = "9.1.0",
                ["roles"] = new JsonArray("master", "data", "ingest"),
                ["http"] = new JsonObject { ["bound_address"] = new JsonArray(Url.Authority), ["publish_address"] = Url.Authority },
                ["settings"] = new JsonObject { ["cluster.name"] = "caseingest-test", ["node.name"] = "test-node" },
            },
        },
    };

    private static (HttpStatusCode, string?) Ok(string body) => (HttpStatusCode.OK, body);

    private static (HttpStatusCode, string?) Ok(JsonNode body) => (HttpStatusCode.OK, body.ToJsonString(s_json));

    private static (HttpStatusCode, string?) Missing(string name) =>
        (HttpStatusCode.NotFound, $$"""{"error":{"type":"index_not_found_exception","reason":"no such index [{{name}}]"},"status":404}""");

    private (HttpStatusCode, string?) Create(string index, string? body)
    {
        if (_indices.ContainsKey(index))
        {
            return (HttpStatusCode.BadRequest, $$"""{"error":{"type":"resource_already_exists_exception","reason":"index [{{index}}] already exists"},"status":400}""");
        }

        _indices[index] = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (alias, options) in JsonNode.Parse(body ?? "{}")?["aliases"]?.AsObject() ?? [])
        {
            AddAlias(alias, index, options?["is_write_index"]?.GetValue<bool>() == true);
        }

        return Ok($$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{index}}"}""");
    }

    private (HttpStatusCode, string?) Delete(string index)
    {
        if (!_indices.Remove(index))
        {
            return Missing(index);
        }

        foreach (var alias in _aliases.Keys.ToList())
        {
            RemoveAlias(alias, index);
        }

        return Ok("""{"acknowledged":true}""");
    }

    private (HttpStatusCode, string?) Get(string target, string id)
    {
        var index = WriteIndexOf(target);
        if (index is null)
        {
            return Missing(target);
        }

        return _indices[index].TryGetValue(id, out var source)
            ? Ok(new JsonObject
            {
                ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["_seq_no"] = _seqNos[(index, id)], ["_primary_term"] = 1, ["found"] = true,
                ["_source"] = source.DeepClone(),
            })
            : (HttpStatusCode.NotFound, new JsonObject { ["_index"] = index, ["_id"] = id, ["found"] = false }.ToJsonString(s_json));
    }

    private (HttpStatusCode, string?) Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var (action, meta) = JsonNode.Parse(lines[i])!.AsObject().Single();
            var id = meta!["_id"]!.GetValue<string>();
            var index = WriteIndexOf(meta["_index"]!.GetValue<string>());
            var item = new JsonObject { ["_index"] = index, ["_id"] = id };
            if (index is null)
            {
                item["status"] = 404;
                item["error"] = new JsonObject { ["type"] = "index_not_found_exception", ["reason"] = "no such index" };
            }
            else if (action == "delete")
            {
                var removed = _indices[index].Remove(id);
                item["status"] = removed ? 200 : 404;
                item["result"] = removed ? "deleted" : "not_found";
            }
            else
            {
                var source = JsonNode.Parse(lines[++i])!.AsObject();
                var exists = _indices[index].ContainsKey(id);
                if (action == "create" && exists)
                {
                    item["status"] = 409;
                    item["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = $"[{id}]: document already exists" };
                }
                else
                {
                    Store(index, id, source);
                    item["status"] = exists ? 200 : 201;
                    item["result"] = exists ? "updated" : "created";
                }
            }

            items.Add(new JsonObject { [action] = item });
        }

        return Ok(new JsonObject { ["took"] = 1, ["errors"] = items.Any(i => i!.AsObject().Single().Value!["status"]!.GetValue<int>() >= 300), ["items"] = items });
    }

    /// <summary>One document, with the optimistic-concurrency checks of the index API.</summary>
    private (HttpStatusCode, string?) IndexOne(string target, string id, string body, IQueryCollection query)
    {
        var index = WriteIndexOf(target);
        if (index is null)
        {
            return Missing(target);
        }

        var exists = _seqNos.TryGetValue((index, id), out var seqNo);
        var conflict = (query["op_type"] == "create" && exists)
                       || (query.ContainsKey("if_seq_no") && (!exists || query["if_seq_no"] != seqNo.ToString(CultureInfo.InvariantCulture)));
        if (conflict)
        {
            return (HttpStatusCode.Conflict, $$"""{"error":{"type":"version_conflict_engine_exception","reason":"[{{id}}]: version conflict"},"status":409}""");
        }

        Store(index, id, JsonNode.Parse(body)!.AsObject());
        return (exists ? HttpStatusCode.OK : HttpStatusCode.Created, new JsonObject
        {
            ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["result"] = exists ? "updated" : "created", ["_seq_no"] = _seqNos[(index, id)],
            ["_primary_term"] = 1, ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 },
        }.ToJsonString(s_json));
    }

    private void Store(string index, string id, JsonObject source)
    {
        _indices[index][id] = source;
        _seqNos[(index, id)] = _seqNo++;
    }

    /// <summary>The few query clauses our stores filter with (term, exists); anything else matches every document.</summary>
    private static bool Matches(JsonNode? query, JsonObject source)
    {
        if (query is not JsonObject clause || clause.Count != 1)
        {
            return true;
        }

        var (name, body) = clause.Single();
        return name switch
        {
            "term" => body!.AsObject().Single() is var (field, value)
                      && source[field]?.ToString() == (value is JsonObject o ? o["value"] : value)?.ToString(),
            "exists" => source[body!["field"]!.GetValue<string>()] is not null,
            _ => true,
        };
    }

    private (HttpStatusCode, string?) Search(string target, JsonObject request, bool typedKeys)
    {
        var indices = _aliases.TryGetValue(target, out var alias) ? alias.Indices : _indices.ContainsKey(target) ? [target] : null;
        if (indices is null)
        {
            return Missing(target);
        }

        var after = request["search_after"]?[0];
        var size = request["size"]?.GetValue<int>() ?? 10;
        var from = request["from"]?.GetValue<int>() ?? 0;
        var sort = request["sort"] is JsonArray sorts ? sorts[0] : request["sort"];
        var sortField = sort is JsonObject byField && byField.Single().Key != "_score" ? byField.Single().Key : null;
        string SortKey(string id, JsonObject source) => sortField is null ? id
            : source[sortField] is JsonValue v && v.TryGetValue<long>(out var n) ? n.ToString("D20", CultureInfo.InvariantCulture) : source[sortField]?.ToString() ?? id;
        string AfterKey(JsonNode value) => value is JsonValue v && v.TryGetValue<long>(out var n) ? n.ToString("D20", CultureInfo.InvariantCulture) : value.ToString();
        var documents = indices.SelectMany(i => _indices[i].Select(d => (Index: i, Id: d.Key, Source: d.Value)))
            .Where(d => Matches(request["query"], d.Source))
            .OrderBy(d => SortKey(d.Id, d.Source), StringComparer.Ordinal).ToList();
        var matches = documents.Where(d => after is null || string.CompareOrdinal(SortKey(d.Id, d.Source), AfterKey(after)) > 0).ToList();
        var hits = new JsonArray(matches.Skip(from).Take(size).Select(d =>
        {
            var hit = new JsonObject
            {
                ["_index"] = d.Index,
                ["_id"] = d.Id,
                ["_score"] = 1.5,
                ["_source"] = d.Source.DeepClone(),
                ["sort"] = new JsonArray(sortField is null ? JsonValue.Create(d.Id) : d.Source[sortField]?.DeepClone()),
            };
            if (request["highlight"] is not null)
            {
                hit["highlight"] = new JsonObject { ["body"] = new JsonArray("建设<em>供应链</em>协同") };
            }

            return (JsonNode)hit;
        }).ToArray());
        var response = new JsonObject
        {
            ["took"] = 1,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = matches.Count, ["relation"] = "eq" }, ["max_score"] = 1.5, ["hits"] = hits },
        };
        if ((request["aggregations"] ?? request["aggs"]) is JsonObject aggregations)
        {
            response["aggregations"] = Aggregate(aggregations, matches.Select(m => m.Source), typedKeys);
        }

        return Ok(response);
    }

    /// <summary>Terms aggregations counted over the matches; under <c>typed_keys</c> each name carries its type, as the
    /// node writes it (<c>sterms#</c> for keyword fields, <c>lterms#</c> for numeric ones).</summary>
    private static JsonObject Aggregate(JsonObject aggregations, IEnumerable<JsonObject> sources, bool typedKeys)
    {
        var result = new JsonObject();
        var all = sources.ToList();
        foreach (var (name, aggregation) in aggregations)
        {
            var field = aggregation!["terms"]!["field"]!.GetValue<string>();
            var numeric = s_numericFields.Contains(field);
            var buckets = all.SelectMany(d => d[field] switch
                {
                    JsonArray array => array.Select(v => v!.ToString()),
                    null => [],
                    var value => [value.ToString()],
                })
                .GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (JsonNode)new JsonObject
                {
                    ["key"] = numeric ? JsonValue.Create(long.Parse(g.Key, CultureInfo.InvariantCulture)) : JsonValue.Create(g.Key),
                    ["doc_count"] = g.Count(),
                });
            var key = typedKeys ? (numeric ? "lterms#" : "sterms#") + name : name;
            result[key] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray(buckets.ToArray()) };
        }

        return result;
    }

    private (HttpStatusCode, string?) UpdateAliases(JsonArray actions)
    {
        foreach (var action in actions)
        {
            var (kind, options) = action!.AsObject().Single();
            var index = options!["index"]!.GetValue<string>();
            var alias = options["alias"]!.GetValue<string>();
            if (kind == "add")
            {
                AddAlias(alias, index, options["is_write_index"]?.GetValue<bool>() == true);
            }
            else
            {
                RemoveAlias(alias, index);
            }
        }

        return Ok("""{"acknowledged":true,"errors":false}""");
    }

    private void AddAlias(string alias, string index, bool isWriteIndex)
    {
        var (indices, writeIndex) = _aliases.TryGetValue(alias, out var existing) ? existing : ([], null);
        indices.Add(index);
        _aliases[alias] = (indices, isWriteIndex ? index : writeIndex);
    }

    private void RemoveAlias(string alias, string index)
    {
        if (!_aliases.TryGetValue(alias, out var existing))
        {
            return;
        }

        existing.Indices.Remove(index);
        if (existing.Indices.Count == 0)
        {
            _aliases.Remove(alias);
        }
        else
        {
            _aliases[alias] = (existing.Indices, existing.WriteIndex == index ? null : existing.WriteIndex);
        }
    }

    private string? WriteIndexOf(string target) =>
        _aliases.TryGetValue(target, out var alias) ? alias.WriteIndex ?? (alias.Indices.Count == 1 ? alias.Indices[0] : null)
        : _indices.ContainsKey(target) ? target : null;
}
