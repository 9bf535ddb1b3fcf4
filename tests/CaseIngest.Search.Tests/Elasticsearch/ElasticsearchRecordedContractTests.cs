using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>Every request the Elasticsearch backend builds, recorded against a scripted stand-in (no server can run here)
/// and checked against Elastic's REST API specification and the documented body shapes.</summary>
public sealed class ElasticsearchRecordedContractTests : IDisposable
{
    private static readonly HashSet<string> s_queryClauses = ["bool", "match", "match_phrase", "match_all", "term", "range", "ids", "more_like_this"];
    private static readonly HashSet<string> s_boolKeys = ["must", "should", "filter", "must_not", "minimum_should_match", "boost"];
    private static readonly HashSet<string> s_searchKeys = ["query", "from", "size", "sort", "highlight", "aggs", "_source", "track_total_hits", "search_after"];
    private static readonly HashSet<string> s_fieldTypes = ["keyword", "text", "integer", "date", "object"];
    private static readonly HashSet<string> s_builtInFilters = ["cjk_width", "lowercase", "cjk_bigram"];

    private readonly ScriptedElasticsearch _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Recorded_EveryOperation_IsAllowedByTheRestSpec()
    {
        await RunEveryOperationAsync();

        var endpoints = new HashSet<string>();
        foreach (var request in _server.Requests)
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
    public async Task Recorded_IndexTemplate_DeclaresAnalysisAndStrictMappings()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);

        var template = Body(_server.Requests.Single(r => r.Path == "/_index_template/cases-template"));
        Assert.Equal(["cases-v*"], template["index_patterns"]!.AsArray().Select(p => p!.GetValue<string>()));
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
            Assert.All(analyzer["filter"]!.AsArray(), f => Assert.True(s_builtInFilters.Contains(f!.GetValue<string>()) || analysis["filter"]?[f.GetValue<string>()] is not null));
        }

        Assert.Equal("cjk_bigram", analysis["filter"]!["caseingest_bigrams_unigrams"]!["type"]!.GetValue<string>());
        Assert.True(analysis["filter"]!["caseingest_bigrams_unigrams"]!["output_unigrams"]!.GetValue<bool>());
        var create = Body(_server.Requests.Single(r => r is { Method: "PUT", Path: "/cases-v1" }));
        Assert.True(create["aliases"]!["cases"]!["is_write_index"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("smartcn", "smartcn_tokenizer", "smartcn_tokenizer")]
    [InlineData("ik", "ik_max_word", "ik_smart")]
    public void IndexTemplate_PluginAnalyzer_UsesThePluginsTokenizers(string analyzer, string indexTokenizer, string searchTokenizer)
    {
        var analysis = ElasticsearchIndexDefinition.Template("cases", analyzer)["template"]!["settings"]!["analysis"]!["analyzer"]!;

        Assert.Equal(indexTokenizer, analysis[ElasticsearchIndexDefinition.IndexAnalyzer]!["tokenizer"]!.GetValue<string>());
        Assert.Equal(searchTokenizer, analysis[ElasticsearchIndexDefinition.SearchAnalyzer]!["tokenizer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_Bulk_IsActionThenSourceLinesWithWaitForRefresh()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文"), TestRecords.Case("B", "乙", "正文")], CancellationToken.None);
        await _server.Index.DeleteAsync(["A"], CancellationToken.None);

        var bulks = _server.Requests.Where(r => r.Path == "/_bulk").ToList();
        Assert.All(bulks, b =>
        {
            Assert.Equal("application/x-ndjson", b.ContentType);
            Assert.EndsWith("\n", b.Body, StringComparison.Ordinal);
            Assert.Equal([("refresh", "wait_for")], b.Query);
        });
        var lines = bulks[0].Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("index", lines[0].Single().Key);
        Assert.Equal("cases", lines[0]["index"]!["_index"]!.GetValue<string>());
        Assert.Equal("A", lines[0]["index"]!["_id"]!.GetValue<string>());
        var mapped = ElasticsearchIndexDefinition.Mappings()["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Subset(mapped, lines[1].Select(p => p.Key).ToHashSet());
        Assert.Equal("A", lines[1]["record"]!["submissionId"]!.GetValue<string>());
        var delete = JsonNode.Parse(bulks[1].Body!.Trim())!.AsObject();
        Assert.Equal("A", delete["delete"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_Search_UsesDocumentedQueryAggregationsAndHighlight()
    {
        await _server.Index.SearchAsync(new SearchQuery
        {
            Text = "供应链 \"智能预测\"", Type = "经营管理类", Verdict = "accepted", Edition = 8, Recommender = "四川省企业联合会",
            FindingCode = "no_toc", SubmittedFrom = DateTimeOffset.UnixEpoch, MinRating = 3, Offset = 10, Limit = 5,
        }, CancellationToken.None);

        var body = Body(_server.Requests.Single(r => r.Path == "/cases/_search"));
        Assert.Subset(s_searchKeys, body.Select(p => p.Key).ToHashSet());
        Assert.Equal(10, body["from"]!.GetValue<int>());
        Assert.Equal(5, body["size"]!.GetValue<int>());
        CheckQuery(body["query"]!);
        var must = body["query"]!["bool"]!["must"]![0]!["bool"]!["must"]!.AsArray();
        Assert.Equal(2, must.Count);
        Assert.Equal(6, must[0]!["bool"]!["should"]!.AsArray().Count);   // loose: phrase + scattered per text field
        Assert.Equal(3, must[1]!["bool"]!["should"]!.AsArray().Count);   // quoted: phrase per text field only
        Assert.Equal(7, body["query"]!["bool"]!["filter"]!.AsArray().Count);
        Assert.All(body["aggs"]!.AsObject(), a =>
        {
            var terms = a.Value!["terms"]!;
            Assert.Single(a.Value.AsObject());
            Assert.NotNull(terms["field"]);
            Assert.True(terms["size"]!.GetValue<int>() > 0);
        });
        var highlight = body["highlight"]!;
        Assert.Equal("html", highlight["encoder"]!.GetValue<string>());
        Assert.Equal(["<em>"], highlight["pre_tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["title", "body"], highlight["fields"]!.AsObject().Select(f => f.Key));
        Assert.Equal("_score", body["sort"]![0]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Recorded_SearchAnswer_BecomesHitsFacetsAndHighlights()
    {
        await _server.Index.UpsertAsync([
            TestRecords.Case("A", "甲", "正文", type: "解决方案类", findings: ["no_toc"]),
            TestRecords.Case("B", "乙", "正文", type: "解决方案类", edition: 7),
        ], CancellationToken.None);

        var result = await _server.Index.SearchAsync(new SearchQuery { Text = "供应链" }, CancellationToken.None);

        Assert.Equal(2, result.Total);
        Assert.Equal(["A", "B"], result.Hits.Select(h => h.SubmissionId));
        Assert.Equal(["建设<em>供应链</em>协同"], result.Hits[0].Highlights);
        Assert.Equal([new FacetCount("解决方案类", 2)], result.Facets[SearchFacets.Type]);
        Assert.Equal([new FacetCount("7", 1), new FacetCount("8", 1)], result.Facets[SearchFacets.Edition]);
        Assert.Equal("甲", (await _server.Index.GetAsync("A", CancellationToken.None))!.Report!.Title);
        Assert.Null(await _server.Index.GetAsync("NOPE", CancellationToken.None));
    }

    [Fact]
    public async Task Recorded_MoreLikeThis_SendsLikeTextAndExcludesTheCase()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "港口专网", "港口无线专网")], CancellationToken.None);

        await _server.Index.MoreLikeThisAsync("A", 3, CancellationToken.None);

        var body = Body(_server.Requests.Last(r => r.Path == "/cases/_search"));
        CheckQuery(body["query"]!);
        var mlt = body["query"]!["bool"]!["must"]![0]!["more_like_this"]!;
        Assert.Contains("港口无线专网", mlt["like"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["A"], body["query"]!["bool"]!["must_not"]![0]!["ids"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Recorded_Reindex_BuildsTheNextVersionAndSwapsTheAliasAtomically()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文"), TestRecords.Case("B", "乙", "正文")], CancellationToken.None);

        var outcome = await _server.Index.ReindexAsync(CancellationToken.None);

        Assert.Equal(new ReindexResult(2, "cases-v2", "cases-v1"), outcome);
        var sequence = _server.Requests.SkipWhile(r => r.Path != "/_alias/cases" || r.Method != "GET").Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(["GET /_alias/cases", "PUT /cases-v2", "POST /cases/_search", "POST /_bulk", "POST /cases-v2/_refresh", "POST /_aliases", "DELETE /cases-v1"], sequence);
        var actions = Body(_server.Requests.Single(r => r.Path == "/_aliases"))["actions"]!.AsArray();
        Assert.Equal("cases-v1", actions[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal("cases-v2", actions[1]!["add"]!["index"]!.GetValue<string>());
        var copied = _server.Requests.Single(r => r.Path == "/_bulk" && r.Body!.Contains("cases-v2", StringComparison.Ordinal));
        Assert.Equal(4, copied.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Recorded_ThrottledOrFailingNode_IsRetriedWithBackoff()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);
        _server.Failures.Enqueue((HttpStatusCode.TooManyRequests, """{"error":"es_rejected_execution_exception"}"""));
        _server.Failures.Enqueue((HttpStatusCode.ServiceUnavailable, null));
        _server.Failures.Enqueue((HttpStatusCode.OK, """{"errors":true,"items":[{"index":{"_id":"B","status":429}}]}"""));

        await _server.Index.UpsertAsync([TestRecords.Case("B", "乙", "正文")], CancellationToken.None);

        Assert.Equal(4, _server.Requests.Count(r => r.Path == "/_bulk" && r.Body!.Contains("\"B\"", StringComparison.Ordinal)));
        Assert.NotNull(await _server.Index.GetAsync("B", CancellationToken.None));
    }

    [Fact]
    public async Task Recorded_RefusedDocument_ThrowsNamingIt()
    {
        await _server.Index.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);
        _server.Failures.Enqueue((HttpStatusCode.OK, """{"errors":true,"items":[{"index":{"_id":"B","status":400,"error":{"type":"strict_dynamic_mapping_exception"}}}]}"""));

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => _server.Index.UpsertAsync([TestRecords.Case("B", "乙", "正文")], CancellationToken.None));

        Assert.Contains("B: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("strict_dynamic_mapping_exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_Authentication_SendsApiKeyOrBasic()
    {
        await _server.Index.SearchAsync(new SearchQuery(), CancellationToken.None);
        using var basic = new ScriptedElasticsearch(new SearchOptions
        {
            Provider = SearchProviders.Elasticsearch,
            Elasticsearch = new ElasticsearchOptions { Url = new Uri("https://es.test:9200"), Username = "elastic", Password = "changeme", Alias = "cases" },
        });
        await basic.Index.SearchAsync(new SearchQuery(), CancellationToken.None);

        Assert.All(_server.Requests, r => Assert.Equal("ApiKey a2V5OnNlY3JldA==", r.Authorization));
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

        Assert.True(ElasticsearchClient.IsTrustedBy(authority, server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ElasticsearchClient.IsTrustedBy(stranger, server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ElasticsearchClient.IsTrustedBy(authority, server, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    private static X509Certificate2 SelfSignedAuthority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
    }

    private async Task RunEveryOperationAsync()
    {
        var index = _server.Index;
        await index.UpsertAsync([TestRecords.Case("A", "零售供应链", "供应链协同"), TestRecords.Case("B", "港口专网", "港口")], CancellationToken.None);
        await index.GetAsync("A", CancellationToken.None);
        await index.SearchAsync(new SearchQuery { Text = "供应链", Type = "经营管理类", Sort = SearchSorts.Rating }, CancellationToken.None);
        await index.SearchAsync(new SearchQuery(), CancellationToken.None);
        await index.MoreLikeThisAsync("A", 3, CancellationToken.None);
        await foreach (var _ in index.ReadAllAsync(CancellationToken.None))
        {
        }

        await index.ReindexAsync(CancellationToken.None);
        await index.DeleteAsync(["B"], CancellationToken.None);
    }

    private static void CheckQuery(JsonNode clause)
    {
        var (name, body) = clause.AsObject().Single();
        Assert.Contains(name, s_queryClauses);
        if (name == "bool")
        {
            Assert.Subset(s_boolKeys, body!.AsObject().Select(p => p.Key).ToHashSet());
            foreach (var occur in new[] { "must", "should", "filter", "must_not" })
            {
                foreach (var inner in body[occur]?.AsArray() ?? [])
                {
                    CheckQuery(inner!);
                }
            }
        }
        else if (name is "match" or "match_phrase")
        {
            var (field, options) = body!.AsObject().Single();
            Assert.Contains(field, new[] { "title", "headings", "body" });
            Assert.NotNull(options!["query"]);
        }
    }

    private static JsonObject Body(RecordedRequest request) => JsonNode.Parse(request.Body!)!.AsObject();
}
