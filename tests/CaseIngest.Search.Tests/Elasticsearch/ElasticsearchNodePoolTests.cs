using System.Net;
using System.Net.Sockets;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.History;
using Elastic.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>Several nodes: the pool the configuration asks for, and failing over from a node that refuses connections.</summary>
public sealed class ElasticsearchNodePoolTests
{
    [Fact]
    public async Task Failover_FirstNodeRefusesConnections_EveryOperationSucceedsThroughTheSecond()
    {
        var refusing = RefusingNode();
        await using var es = await ElasticsearchStandIn.StartAsync((options, server) => options.Urls = [refusing, server]);

        await ElasticsearchOperations.RunEveryOperationAsync(es.Index);

        Assert.Contains(es.Requests, r => r.Node == refusing);
        var answered = es.Requests.Where(r => r.Node == es.Server.Url).ToList();
        Assert.Equal(answered.Count, es.Server.Received);
        Assert.All(answered, r => Assert.NotEmpty(RestApiSpec.Check(r).Allowing));
        Assert.Contains(answered, r => r is { Method: "POST", Path: "/_aliases" });
    }

    [Fact]
    public async Task Sniffing_FirstNodeRefusesConnections_SniffsTheClusterAndEveryOperationSucceeds()
    {
        var refusing = RefusingNode();
        await using var es = await ElasticsearchStandIn.StartAsync((options, server) =>
            (options.Urls, options.NodePool) = ([refusing, server], ElasticsearchNodePools.Sniffing));

        await ElasticsearchOperations.RunEveryOperationAsync(es.Index);

        // Where the pool starts, and whether the client sniffs after a refused ping or request, is the client's
        // choice; whenever it sniffed, it learnt the server's published node alone.
        if (es.Requests.Any(r => r.Path.StartsWith("/_nodes/http", StringComparison.Ordinal) && r.Node == es.Server.Url))
        {
            Assert.Equal([es.Server.Url], es.Connection.Client.ElasticsearchClientSettings.NodePool.Nodes.Select(n => n.Uri));
        }

        Assert.Equal(es.Server.Url, es.Requests[^1].Node);
    }

    [Fact]
    public void NodePool_FromConfiguration_SingleStaticOrSniffing()
    {
        static NodePool PoolOf(params (string Key, string Value)[] settings) =>
            ElasticsearchClientFactory.CreateNodePool(Bind(settings).Value.Elasticsearch);

        var legacy = PoolOf(("Search:Elasticsearch:Url", "https://es1:9200"));
        var two = PoolOf(("Search:Elasticsearch:Urls:0", "https://es1:9200"), ("Search:Elasticsearch:Urls:1", "https://es2:9200"));
        var sniffing = PoolOf(("Search:Elasticsearch:Urls:0", "https://es1:9200"), ("Search:Elasticsearch:NodePool", "sniffing"));

        Assert.Equal([new Uri("https://es1:9200")], Assert.IsType<SingleNodePool>(legacy).Nodes.Select(n => n.Uri));
        Assert.Equal([new Uri("https://es1:9200"), new Uri("https://es2:9200")], Assert.IsType<StaticNodePool>(two).Nodes.Select(n => n.Uri));
        Assert.IsType<SniffingNodePool>(sniffing);
    }

    [Fact]
    public void Options_MixedSchemesOrMissingCaFile_FailAtStartNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(
            ("Search:Elasticsearch:Urls:0", "https://es1:9200"), ("Search:Elasticsearch:Urls:1", "http://es2:9200"),
            ("Search:Elasticsearch:CaCertificatePath", "/nonexistent/ca.crt"), ("Search:Elasticsearch:Alias", "Not An Alias")).Value);

        Assert.Contains(error.Failures, f => f.Contains("Search:Elasticsearch:Urls", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Search:Elasticsearch:CaCertificatePath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Alias", StringComparison.Ordinal));
    }

    [Fact]
    public void Services_ProviderElasticsearch_KeepPeoplesDataInElasticsearch()
    {
        var services = Services(("Search:Elasticsearch:Urls:0", "http://es1:9200"));

        Assert.IsType<ElasticsearchAuditStore>(services.GetRequiredService<IAuditStore>());
        Assert.IsType<ElasticsearchRecordHistory>(services.GetRequiredService<IRecordHistory>());
        Assert.IsType<ElasticsearchEvaluationStore>(services.GetRequiredService<IEvaluationStore>());
        Assert.IsType<ElasticsearchSearchIndex>(services.GetRequiredService<ISearchIndex>());
    }

    private static IOptions<SearchOptions> Bind(params (string Key, string Value)[] settings) =>
        Services(settings).GetRequiredService<IOptions<SearchOptions>>();

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(new("Search:Provider", "Elasticsearch")))
            .Build();
        // Not through HostStartup.Build: these tests look at the client library's node pool and at each options failure
        // as the options API reports it, which a start would fold into one message.
        return new ServiceCollection().AddLogging().AddCaseIngestSearch(configuration).BuildServiceProvider();
    }

    /// <summary>A local address nothing listens on: connecting to it is refused at once.</summary>
    private static Uri RefusingNode()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
