using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>The Elasticsearch backend as the host makes it (official client, our connection), talking to an
/// <see cref="ElasticsearchTestServer"/>, with every request recorded in the client's own pipeline.</summary>
internal sealed class ElasticsearchStandIn : IAsyncDisposable
{
    private CapturingHandler? _capture;

    private ElasticsearchStandIn(ElasticsearchTestServer server, SearchOptions options)
    {
        Server = server;
        Options = options;
        Connection = new ElasticsearchConnection(Microsoft.Extensions.Options.Options.Create(options), NullLogger<ElasticsearchConnection>.Instance,
            wrapHandler: inner => _capture = new CapturingHandler(inner));
        Index = new ElasticsearchSearchIndex(Connection, Microsoft.Extensions.Options.Options.Create(options), NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    public ElasticsearchTestServer Server { get; }

    public SearchOptions Options { get; }

    public ElasticsearchConnection Connection { get; }

    public ElasticsearchSearchIndex Index { get; }

    /// <summary>Every request the client sent, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _capture?.Requests ?? [];

    /// <summary>A server and a backend on it; <paramref name="configure"/> adjusts the options (its nodes are the
    /// server's address unless it sets them).</summary>
    public static async Task<ElasticsearchStandIn> StartAsync(Action<ElasticsearchOptions, Uri>? configure = null)
    {
        var server = await ElasticsearchTestServer.StartAsync();
        var elasticsearch = new ElasticsearchOptions { Urls = [server.Url], ApiKey = "a2V5OnNlY3JldA==", Alias = "cases" };
        configure?.Invoke(elasticsearch, server.Url);
        return new ElasticsearchStandIn(server, new SearchOptions { Provider = SearchProviders.Elasticsearch, Elasticsearch = elasticsearch });
    }

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}
