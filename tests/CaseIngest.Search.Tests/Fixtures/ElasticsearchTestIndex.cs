using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Tests.Behaviour;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>An index on the Elasticsearch named by <c>CASEINGEST_ES_URL</c> (several nodes comma-separated; with
/// <c>CASEINGEST_ES_API_KEY</c>, or <c>CASEINGEST_ES_USER</c>/<c>CASEINGEST_ES_PASSWORD</c>, and <c>CASEINGEST_ES_CA</c>
/// when secured), under an alias of its own; disposing deletes its indices and template.</summary>
internal sealed class ElasticsearchTestIndex : ITestSearchIndex
{
    private readonly SearchOptions _options = Options();

    private readonly ElasticsearchConnection _connection;

    public ElasticsearchTestIndex()
    {
        _connection = new ElasticsearchConnection(Microsoft.Extensions.Options.Options.Create(_options), NullLogger<ElasticsearchConnection>.Instance);
        Index = new ElasticsearchSearchIndex(_connection, Microsoft.Extensions.Options.Options.Create(_options), NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    /// <summary>The options for the node of <c>CASEINGEST_ES_URL</c>, with a fresh alias.</summary>
    public static SearchOptions Options() => new()
    {
        Provider = SearchProviders.Elasticsearch,
        Elasticsearch = new ElasticsearchOptions
        {
            Urls = (Environment.GetEnvironmentVariable(RequiresElasticsearchAttribute.Variable) ?? "http://localhost:9200")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList(),
            ApiKey = Environment.GetEnvironmentVariable("CASEINGEST_ES_API_KEY"),
            Username = Environment.GetEnvironmentVariable("CASEINGEST_ES_USER"),
            Password = Environment.GetEnvironmentVariable("CASEINGEST_ES_PASSWORD"),
            CaCertificatePath = Environment.GetEnvironmentVariable("CASEINGEST_ES_CA"),
            Alias = "caseingest-test-" + Guid.NewGuid().ToString("N")[..12],
        },
    };

    public ElasticsearchSearchIndex Index { get; }

    /// <summary>The connection the index uses, for stores of their own beside it.</summary>
    public ElasticsearchConnection Connection => _connection;

    public SearchOptions SearchOptions => _options;

    ISearchIndex ITestSearchIndex.Index => Index;

    public async ValueTask DisposeAsync()
    {
        // By name: clusters refuse wildcard deletes by default (action.destructive_requires_name).
        var alias = _options.Elasticsearch.Alias;
        var indices = await _connection.Client.Indices.GetAliasAsync(g => g.Name(alias));
        foreach (var index in indices.Aliases?.Keys ?? [])
        {
            await _connection.Client.Indices.DeleteAsync(index);
        }

        await _connection.Client.Indices.DeleteIndexTemplateAsync(ElasticsearchIndexDefinition.TemplateName(alias));
        Index.Dispose();
        _connection.Dispose();
    }
}
