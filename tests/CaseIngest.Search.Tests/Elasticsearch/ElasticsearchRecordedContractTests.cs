using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Tests.Fixtures;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Transport;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>Every request the official client sends for our operations, recorded in the client's own pipeline on its
/// way to an in-process server that answers as a node does (no node can run here), and checked against Elastic's REST
/// API specification and the documented body shapes.</summary>
public sealed class ElasticsearchRecordedContractTests : IAsyncLifetime
{
    private static readonly HashSet<string> s_queryClauses = ["bool", "match", "match_phrase", "match_all", "term", "range", "ids", "more_like_this"];
    private static readonly HashSet<string> s_boolKeys = ["must", "should", "filter", "must_not", "minimum_should_match", "boost"];
    private static readonly HashSet<string> s_searchKeys =
        ["query", "from", "size", "sort", "highlight", "aggs", "aggregations", "_source", "track_total_hits", "search_after"];
    private static readonly HashSet<string> s_fieldTypes = ["keyword", "text", "integer", "date", "object"];
    private static readonly HashSet<string> s_builtInFilters = ["cjk_width", "lowercase", "cjk_bigram"];

    private ElasticsearchStandIn _es = null!;

    public async Task InitializeAsync() => _es = await ElasticsearchStandIn.StartAsync();

    public async Task DisposeAsync() => await _es.DisposeAsync();

    [Fact]
    public async Task Recorded_EveryOperation_IsAllowedByTheRestSpec()
    {
        await RunEveryOperationAsync();

        var endpoints = new HashSet<string>();
        foreach (var request in _es.Requests)
        {
            var (allowing, refusals) = RestApiSpec.Check(request);
            Assert.True(allowing.Count > 0, $"{request.Method} {request.Path} is allowed by no spec:\n" + string.Join('\n', refusals));
            endpoints.UnionWith(allowing);
        }

        Assert.Superset(new HashSet<string>
        {
            "indices.put_index_template", "indices.exists_alias", "indices.create", "bulk", "get", "search", "indices.get_alias",
            "indices.refresh", "indices.update_aliases", "indices.delete",
        }, endpoints);
    }

    [Fact]
    public async Task Recorded_EveryBody_IsGzippedJsonOrNdjsonAndSearchesAskForTypedKeys()
    {
        await RunEveryOperationAsync();

        Assert.All(_es.Requests, r => Assert.Equal("application/json", RestApiSpec.MediaType(r.Accept)));
        Assert.All(_es.Requests.Where(r => r.Body is not null), r =>
        {
            Assert.Equal("gzip", r.ContentEncoding);
            Assert.Equal(r.Path == "/_bulk" ? "application/x-ndjson" : "application/json", RestApiSpec.MediaType(r.ContentType));
        });
        Assert.Contains(_es.Requests, r => r.Accept!.Contains("compatible-with=9", StringComparison.Ordinal));
        var aggregating = _es.Requests.Where(r => r.Path.EndsWith("/_search", StringComparison.Ordinal) && r.Body!.Contains("\"aggregations\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(aggregating);
        Assert.All(aggregating, r => Assert.Contains(("typed_keys", "true"), r.Query));
    }

    [Fact]
    public async Task Recorded_IndexTemplate_DeclaresAnalysisAndStrictMappings()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);

        var template = Body(_es.Requests.Single(r => r.Path == "/_index_template/cases-template"));
        Assert.Equal(["cases-v*"], Items(template["index_patterns"]).Select(p => p!.GetValue<string>()));
        var analysis = template["template"]!["settings"]!["analysis"]!;
        var mappings = template["template"]!["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        foreach (var (name, property) in mappings["properties"]!.AsObject())
        {
            Assert.Contains(property!["type"]!.GetValue<string>(), s_fieldTypes);
            if (property["type"]!.GetValue<string>() == "text")
            {
                Assert.NotNull(analysis["analyzer"]![property["analyzer"]!.GetValue<string>()]);
                Assert.NotNull(analysis["analyzer"]![property["search_analyzer"]!.GetValue<string>()]);
            }
        }

        foreach (var (_, analyzer) in analysis["analyzer"]!.AsObject())
        {
            Assert.Equal("custom", analyzer!["type"]!.GetValue<string>());
            Assert.Equal("standard", analyzer["tokenizer"]!.GetValue<string>());
            Assert.All(Items(analyzer["filter"]), f => Assert.True(s_builtInFilters.Contains(f!.GetValue<string>()) || analysis["filter"]?[f.GetValue<string>()] is not null));
        }

        Assert.Equal("cjk_bigram", analysis["filter"]!["caseingest_bigrams_unigrams"]!["type"]!.GetValue<string>());
        Assert.True(analysis["filter"]!["caseingest_bigrams_unigrams"]!["output_unigrams"]!.GetValue<bool>());
        var create = Body(_es.Requests.Single(r => r is { Method: "PUT", Path: "/cases-v1" }));
        Assert.Equal(200, template["priority"]!.GetValue<int>());
        Assert.Equal(1, template["template"]!["settings"]!["number_of_shards"]!.GetValue<int>());
        Assert.False(mappings["properties"]!["record"]!["enabled"]!.GetValue<bool>());
        Assert.True(create["aliases"]!["cases"]!["is_write_index"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("smartcn", "smartcn_tokenizer", "smartcn_tokenizer")]
    [InlineData("ik", "ik_max_word", "ik_smart")]
    public void IndexTemplate_PluginAnalyzer_UsesThePluginsTokenizers(string analyzer, string indexTokenizer, string searchTokenizer)
    {
        var analyzers = ElasticsearchIndexDefinition.Template("cases", analyzer).Template!.Settings!.Analysis!.Analyzers!;

        Assert.Equal(indexTokenizer, Assert.IsType<CustomAnalyzer>(analyzers[ElasticsearchIndexDefinition.IndexAnalyzer]).Tokenizer);
        Assert.Equal(searchTokenizer, Assert.IsType<CustomAnalyzer>(analyzers[ElasticsearchIndexDefinition.SearchAnalyzer]).Tokenizer);
    }

    [Fact]
    public async Task Recorded_Bulk_IsActionThenSourceLinesWithWaitForRefresh()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文"), TestRecords.Case("B", "乙", "正文")], CancellationToken.None);
        await _es.Index.DeleteAsync(["A"], CancellationToken.None);

        var bulks = _es.Requests.Where(r => r.Path == "/_bulk").ToList();
        Assert.All(bulks, b =>
        {
            Assert.Equal("application/x-ndjson", RestApiSpec.MediaType(b.ContentType));
            Assert.EndsWith("\n", b.Body, StringComparison.Ordinal);
            Assert.Equal([("refresh", "wait_for")], b.Query);
        });
        var lines = bulks[0].Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("index", lines[0].Single().Key);
        Assert.Equal("cases", lines[0]["index"]!["_index"]!.GetValue<string>());
        Assert.Equal("A", lines[0]["index"]!["_id"]!.GetValue<string>());
        var mapped = ElasticsearchIndexDefinition.Mappings().Properties!.Select(p => p.Key.ToString()).ToHashSet();
        Assert.Subset(mapped, lines[1].Select(p => p.Key).ToHashSet());
        Assert.Equal("A", lines[1]["record"]!["submissionId"]!.GetValue<string>());
        var delete = JsonNode.Parse(bulks[1].Body!.Trim())!.AsObject();
        Assert.Equal("A", delete["delete"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_Search_UsesDocumentedQueryAndAggregations_NoServerHighlight()
    {
        await _es.Index.SearchAsync(new SearchQuery
        {
            Text = "供应链 \"智能预测\"", Type = "经营管理类", Verdict = "accepted", Edition = 8, Recommender = "四川省企业联合会",
            FindingCode = "no_toc", SubmittedFrom = DateTimeOffset.UnixEpoch, MinRating = 3, Offset = 10, Limit = 5,
        }, CancellationToken.None);

        var body = Body(_es.Requests.Single(r => r.Path == "/cases/_search"));
        Assert.Subset(s_searchKeys, body.Select(p => p.Key).ToHashSet());
        Assert.Equal(10, body["from"]!.GetValue<int>());
        Assert.Equal(5, body["size"]!.GetValue<int>());
        CheckQuery(body["query"]!);
        var must = Items(Items(body["query"]!["bool"]!["must"])[0]!["bool"]!["must"]);
        Assert.Equal(2, must.Count);
        Assert.Equal(8, Items(must[0]!["bool"]!["should"]).Count);   // loose: phrase + scattered per report text field
        Assert.Equal(4, Items(must[1]!["bool"]!["should"]).Count);   // quoted: phrase per report text field only
        Assert.Equal(7, Items(body["query"]!["bool"]!["filter"]).Count);
        Assert.All((body["aggregations"] ?? body["aggs"])!.AsObject(), a =>
        {
            var terms = a.Value!["terms"]!;
            Assert.Single(a.Value.AsObject());
            Assert.NotNull(terms["field"]);
            Assert.True(terms["size"]!.GetValue<int>() > 0);
        });
        // Snippets are cut from the record by the snippet maker both backends share, not by the server's highlighter.
        Assert.Null(body["highlight"]);
        var fields = Items(must[0]!["bool"]!["should"]).Select(q => q!.AsObject().Single().Value!.AsObject().Single().Key).Distinct();
        Assert.Equal(["title", "headings", "body", "form"], fields);
        Assert.Equal("_score", Items(body["sort"])[0]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Recorded_SearchAnswer_BecomesHitsFacetsAndReportSnippets()
    {
        await _es.Index.UpsertAsync([
            TestRecords.Case("A", "甲", "一、企业概况\n建设供应链协同。", type: "解决方案类", findings: ["no_toc"]),
            TestRecords.Case("B", "乙", "正文", type: "解决方案类", edition: 7),
        ], CancellationToken.None);

        var result = await _es.Index.SearchAsync(new SearchQuery { Text = "供应链" }, CancellationToken.None);

        Assert.Equal(2, result.Total);
        Assert.Equal(["A", "B"], result.Hits.Select(h => h.SubmissionId));
        Assert.Equal(["建设<em>供应链</em>协同。"], result.Hits[0].Highlights);
        Assert.Equal([new FacetCount("解决方案类", 2)], result.Facets[SearchFacets.Type]);
        Assert.Equal([new FacetCount("7", 1), new FacetCount("8", 1)], result.Facets[SearchFacets.Edition]);
        Assert.Equal("甲", (await _es.Index.GetAsync("A", CancellationToken.None))!.Report!.Title);
        Assert.Null(await _es.Index.GetAsync("NOPE", CancellationToken.None));
    }

    [Fact]
    public async Task Recorded_MoreLikeThis_SendsLikeTextAndExcludesTheCase()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "港口专网", "港口无线专网")], CancellationToken.None);

        await _es.Index.MoreLikeThisAsync("A", 3, CancellationToken.None);

        var body = Body(_es.Requests.Last(r => r.Path == "/cases/_search"));
        CheckQuery(body["query"]!);
        var mlt = Items(body["query"]!["bool"]!["must"])[0]!["more_like_this"]!;
        var like = Items(mlt["like"]).Single()!;
        Assert.Contains("港口无线专网", like.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["A"], Items(Items(body["query"]!["bool"]!["must_not"])[0]!["ids"]!["values"]).Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Recorded_Reindex_BuildsTheNextVersionAndSwapsTheAliasAtomically()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文"), TestRecords.Case("B", "乙", "正文")], CancellationToken.None);

        var outcome = await _es.Index.ReindexAsync(CancellationToken.None);

        Assert.Equal(new ReindexResult(2, "cases-v2", "cases-v1"), outcome);
        var sequence = _es.Requests.SkipWhile(r => r.Path != "/_alias/cases" || r.Method != "GET").Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(["GET /_alias/cases", "PUT /cases-v2", "POST /cases/_search", "POST /_bulk", "POST /cases-v2/_refresh", "POST /_aliases", "DELETE /cases-v1"], sequence);
        var actions = Items(Body(_es.Requests.Single(r => r.Path == "/_aliases"))["actions"]);
        Assert.Equal("cases-v1", actions[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal("cases-v2", actions[1]!["add"]!["index"]!.GetValue<string>());
        var copied = _es.Requests.Single(r => r.Path == "/_bulk" && r.Body!.Contains("cases-v2", StringComparison.Ordinal));
        Assert.Equal(4, copied.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Recorded_ThrottledOrFailingNode_IsRetriedWithBackoff()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);
        _es.Server.Failures.Enqueue((HttpStatusCode.TooManyRequests, """{"error":"es_rejected_execution_exception"}"""));
        _es.Server.Failures.Enqueue((HttpStatusCode.ServiceUnavailable, null));
        _es.Server.Failures.Enqueue((HttpStatusCode.OK, """{"errors":true,"items":[{"index":{"_id":"B","status":429}}]}"""));

        await _es.Index.UpsertAsync([TestRecords.Case("B", "乙", "正文")], CancellationToken.None);

        Assert.Equal(4, _es.Requests.Count(r => r.Path == "/_bulk" && r.Body!.Contains("\"B\"", StringComparison.Ordinal)));
        Assert.NotNull(await _es.Index.GetAsync("B", CancellationToken.None));
    }

    [Fact]
    public async Task Recorded_RefusedDocument_ThrowsNamingIt()
    {
        await _es.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);
        _es.Server.Failures.Enqueue((HttpStatusCode.OK, """{"errors":true,"items":[{"index":{"_id":"B","status":400,"error":{"type":"strict_dynamic_mapping_exception"}}}]}"""));

        var error = await Assert.ThrowsAsync<TransportException>(() => _es.Index.UpsertAsync([TestRecords.Case("B", "乙", "正文")], CancellationToken.None));

        Assert.Contains("B: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("strict_dynamic_mapping_exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_Authentication_SendsApiKeyOrBasic()
    {
        await _es.Index.SearchAsync(new SearchQuery(), CancellationToken.None);
        await using var basic = await ElasticsearchStandIn.StartAsync((options, _) => (options.ApiKey, options.Username, options.Password) = (null, "elastic", "changeme"));
        await basic.Index.SearchAsync(new SearchQuery(), CancellationToken.None);

        Assert.All(_es.Requests, r => Assert.Equal("ApiKey a2V5OnNlY3JldA==", r.Authorization));
        Assert.All(basic.Requests, r => Assert.Equal("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==", r.Authorization));
    }

    [Fact]
    public void IsTrustedBy_CertificateSignedByTheConfiguredCa_IsTrustedAndAnotherIsNot()
    {
        using var authority = SelfSignedAuthority("CN=Elasticsearch security auto-configuration HTTP CA");
        using var stranger = SelfSignedAuthority("CN=Someone else");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=es01", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var server = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3, 4]);

        Assert.True(ElasticsearchCertificateTrust.IsTrustedBy(authority, server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ElasticsearchCertificateTrust.IsTrustedBy(stranger, server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ElasticsearchCertificateTrust.IsTrustedBy(authority, server, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    private static X509Certificate2 SelfSignedAuthority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
    }

    private Task RunEveryOperationAsync() => ElasticsearchOperations.RunEveryOperationAsync(_es.Index);

    private static void CheckQuery(JsonNode clause)
    {
        var (name, body) = clause.AsObject().Single();
        Assert.Contains(name, s_queryClauses);
        if (name == "bool")
        {
            Assert.Subset(s_boolKeys, body!.AsObject().Select(p => p.Key).ToHashSet());
            foreach (var occur in new[] { "must", "should", "filter", "must_not" })
            {
                foreach (var inner in Items(body[occur]))
                {
                    CheckQuery(inner!);
                }
            }
        }
        else if (name is "match" or "match_phrase")
        {
            var (field, options) = body!.AsObject().Single();
            Assert.Contains(field, new[] { "title", "headings", "body", "form", "findings", "pages", "classification" });
            Assert.NotNull(options!["query"]);
        }
    }

    private static JsonObject Body(RecordedRequest request) => JsonNode.Parse(request.Body!)!.AsObject();

    /// <summary>The items of a field the API takes as one value or an array of them (the client writes a single item
    /// bare).</summary>
    private static List<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.ToList(),
        _ => [node],
    };
}
