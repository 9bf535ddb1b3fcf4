using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Tests.Behaviour;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>An index on the Elasticsearch named by <c>CASEINGEST_ES_URL</c> (with <c>CASEINGEST_ES_API_KEY</c>, or
/// <c>CASEINGEST_ES_USER</c>/<c>CASEINGEST_ES_PASSWORD</c>, and <c>CASEINGEST_ES_CA</c> when secured), under an alias of
/// its own; disposing deletes its indices and template.</summary>
internal sealed class ElasticsearchTestIndex : ITestSearchIndex
{
    private readonly SearchOptions _options = new()
    {
        Provider = SearchProviders.Elasticsearch,
        Elasticsearch = new ElasticsearchOptions
        {
            Url = new Uri(Environment.GetEnvironmentVariable(RequiresElasticsearchAttribute.Variable) ?? "http://localhost:9200"),
            ApiKey = Environment.GetEnvironmentVariable("CASEINGEST_ES_API_KEY"),
            Username = Environment.GetEnvironmentVariable("CASEINGEST_ES_USER"),
            Password = Environment.GetEnvironmentVariable("CASEINGEST_ES_PASSWORD"),
            CaCertificatePath = Environment.GetEnvironmentVariable("CASEINGEST_ES_CA"),
            Alias = "caseingest-test-" + Guid.NewGuid().ToString("N")[..12],
        },
    };

    private readonly HttpClient _http;

    public ElasticsearchTestIndex()
    {
        _http = new HttpClient(ElasticsearchClient.CreateHandler(_options.Elasticsearch));
        var client = new ElasticsearchClient(_http, Options.Create(_options), NullLogger<ElasticsearchClient>.Instance);
        Index = new ElasticsearchSearchIndex(client, Options.Create(_options), NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    public ElasticsearchSearchIndex Index { get; }

    ISearchIndex ITestSearchIndex.Index => Index;

    public async ValueTask DisposeAsync()
    {
        using var indices = new HttpRequestMessage(HttpMethod.Delete, "/" + _options.Elasticsearch.Alias + "-v*");
        await _http.SendAsync(indices);
        using var template = new HttpRequestMessage(HttpMethod.Delete, "/_index_template/" + _options.Elasticsearch.Alias + "-template");
        await _http.SendAsync(template);
        Index.Dispose();
        _http.Dispose();
    }
}
