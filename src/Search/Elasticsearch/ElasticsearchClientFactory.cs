using CaseIngest.Search.Configuration;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>Makes the official <see cref="ElasticsearchClient"/> from <c>Search:Elasticsearch</c>: the node pool
/// (static or sniffing), authentication, the CA check, timeouts and gzip. One client per process, as Elastic advises:
/// it pools connections and keeps the nodes' health.</summary>
public static class ElasticsearchClientFactory
{
    /// <summary>The client. <paramref name="wrapHandler"/> wraps the client's own <see cref="HttpMessageHandler"/>
    /// (tests record what the client sends through it).</summary>
    public static ElasticsearchClient Create(ElasticsearchOptions options, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        var invoker = wrapHandler is null ? new HttpRequestInvoker() : new HttpRequestInvoker((handler, _) => wrapHandler(handler));
        var settings = new ElasticsearchClientSettings(CreateNodePool(options), invoker)
            .RequestTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .EnableHttpCompression()
            // Retry-After tells the retry policy how long a throttled node wants us to wait.
            .ResponseHeadersToParse(new HeadersList("Retry-After"));
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        }

        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            settings.ServerCertificateValidationCallback(ElasticsearchCertificateTrust.Callback(options.CaCertificatePath));
        }

        if (options.NodePool == ElasticsearchNodePools.Sniffing)
        {
            // Sniff only after a node failed, once the client has marked it dead. Elastic.Transport 1.1.0 gives up a
            // sniff at the first node (in port order) that does not answer instead of asking the next, so a sniff on
            // start or on a stale list would fail every request while the first-listed node is down.
            settings.SniffOnStartup(false).SniffLifeSpan(null).SniffOnConnectionFault();
        }

        return new ElasticsearchClient(settings);
    }

    /// <summary>One node: a single-node pool (nothing to fail over to, so no pings); several: static or sniffing, in
    /// the configured order so the first listed is tried first.</summary>
    public static NodePool CreateNodePool(ElasticsearchOptions options)
    {
        var uris = options.NodeUris();
        return options.NodePool switch
        {
            ElasticsearchNodePools.Sniffing => new SniffingNodePool(uris, randomize: false),
            _ when uris.Count == 1 => new SingleNodePool(uris[0]),
            _ => new StaticNodePool(uris, randomize: false),
        };
    }
}
