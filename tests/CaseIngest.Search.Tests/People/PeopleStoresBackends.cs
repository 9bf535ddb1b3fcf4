using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Tests.Behaviour;
using CaseIngest.Search.Tests.Elasticsearch;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.People;

/// <summary>The embedded stores: SQLite beside the Lucene index.</summary>
public sealed class EmbeddedPeopleStoresBehaviourTests : PeopleStoresBehaviour
{
    private readonly LuceneTestIndex _lucene = new();

    public override Task InitializeAsync()
    {
        (Audit, History) = (_lucene.Audit, _lucene.History);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _lucene.Dispose();
        return Task.CompletedTask;
    }

    protected override IAuditStore Reopen() => new SqliteAuditStore(_lucene.Database);
}

/// <summary>The Elasticsearch stores against the in-process server that answers as a node does (a stand-in: it
/// evaluates only the term and exists filters these stores use, and the index API's concurrency checks).</summary>
public sealed class StandInElasticsearchPeopleStoresBehaviourTests : PeopleStoresBehaviour
{
    private ElasticsearchStandIn _es = null!;

    public override async Task InitializeAsync()
    {
        _es = await ElasticsearchStandIn.StartAsync();
        (Audit, History) = (Reopen(), new ElasticsearchRecordHistory(_es.Connection, Options.Create(_es.Options), TimeProvider.System));
    }

    public override async Task DisposeAsync() => await _es.DisposeAsync();

    protected override IAuditStore Reopen() => new ElasticsearchAuditStore(_es.Connection, Options.Create(_es.Options));
}

/// <summary>The Elasticsearch stores on the node named by <c>CASEINGEST_ES_URL</c>, under an alias of their own.</summary>
[RequiresElasticsearch]
public sealed class ElasticsearchPeopleStoresBehaviourTests : PeopleStoresBehaviour
{
    private ElasticsearchConnection _connection = null!;
    private SearchOptions _options = null!;

    public override Task InitializeAsync()
    {
        if (new RequiresElasticsearchAttribute().SkipReason is not null)
        {
            return Task.CompletedTask;
        }

        _options = ElasticsearchTestIndex.Options();
        _connection = new ElasticsearchConnection(Options.Create(_options), NullLogger<ElasticsearchConnection>.Instance);
        (Audit, History) = (Reopen(), new ElasticsearchRecordHistory(_connection, Options.Create(_options), TimeProvider.System));
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        foreach (var index in new[] { ((ElasticsearchAuditStore)Audit).Index, ((ElasticsearchRecordHistory)History).Index })
        {
            await _connection.Client.Indices.DeleteAsync(index);
        }

        _connection.Dispose();
    }

    protected override IAuditStore Reopen() => new ElasticsearchAuditStore(_connection, Options.Create(_options));
}
