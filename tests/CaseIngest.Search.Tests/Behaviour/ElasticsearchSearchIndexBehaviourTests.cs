using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>The behaviour suite against a real Elasticsearch named by <c>CASEINGEST_ES_URL</c> (with
/// <c>CASEINGEST_ES_API_KEY</c>, or <c>CASEINGEST_ES_USER</c>/<c>CASEINGEST_ES_PASSWORD</c>, and <c>CASEINGEST_ES_CA</c>
/// when secured); each test uses its own alias and deletes its indices afterwards.</summary>
[RequiresElasticsearch]
public sealed class ElasticsearchSearchIndexBehaviourTests : SearchIndexBehaviour
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

    private HttpClient? _http;
    private ElasticsearchSearchIndex? _index;

    protected override Task<ISearchIndex> CreateIndexAsync()
    {
        _http = new HttpClient(ElasticsearchClient.CreateHandler(_options.Elasticsearch));
        var client = new ElasticsearchClient(_http, Options.Create(_options), NullLogger<ElasticsearchClient>.Instance);
        _index = new ElasticsearchSearchIndex(client, Options.Create(_options), NullLogger<ElasticsearchSearchIndex>.Instance);
        return Task.FromResult<ISearchIndex>(_index);
    }

    protected override async Task DisposeIndexAsync()
    {
        if (_http is not null)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/" + _options.Elasticsearch.Alias + "-v*");
            await _http.SendAsync(delete);
            using var template = new HttpRequestMessage(HttpMethod.Delete, "/_index_template/" + _options.Elasticsearch.Alias + "-template");
            await _http.SendAsync(template);
            _http.Dispose();
        }

        _index?.Dispose();
    }
}
