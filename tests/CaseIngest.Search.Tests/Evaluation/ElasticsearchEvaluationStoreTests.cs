using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.Repository;
using CaseIngest.Search.Tests.Behaviour;
using CaseIngest.Search.Tests.Elasticsearch;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Evaluation;

/// <summary>The evaluation store's behaviour suite on Elasticsearch against the in-process server that answers as a node
/// does (a stand-in: it evaluates only the term and exists filters, and the index API's concurrency checks), with the
/// cases, the audit trail and the history on the same server.</summary>
public sealed class StandInElasticsearchEvaluationStoreTests : EvaluationStoreBehaviour
{
    protected override ITestEvaluationBackend CreateBackend() => new ElasticsearchEvaluationBackend(ElasticsearchStandIn.StartAsync().GetAwaiter().GetResult());
}

/// <summary>The same suite on the node named by <c>CASEINGEST_ES_URL</c>, under an alias of its own.</summary>
[RequiresElasticsearch]
public sealed class ElasticsearchEvaluationStoreTests : EvaluationStoreBehaviour
{
    protected override ITestEvaluationBackend CreateBackend() => new ElasticsearchEvaluationBackend(new ElasticsearchTestIndex());
}

/// <summary>Every store of <c>Search:Provider=Elasticsearch</c> over one connection: the cases' index, the audit trail,
/// the history and the evaluation, as the host composes them.</summary>
internal sealed class ElasticsearchEvaluationBackend : ITestEvaluationBackend
{
    private readonly IAsyncDisposable _owner;
    private readonly ElasticsearchConnection _connection;
    private readonly ElasticsearchAuditStore _audit;
    private readonly ElasticsearchRecordHistory _history;
    private readonly CaseRepository _repository;
    private readonly ElasticsearchEvaluationStore _store;

    public ElasticsearchEvaluationBackend(ElasticsearchStandIn standIn)
        : this(standIn, standIn.Connection, standIn.Options, standIn.Index)
    {
    }

    public ElasticsearchEvaluationBackend(ElasticsearchTestIndex node)
        : this(node, node.Connection, node.SearchOptions, node.Index)
    {
    }

    private ElasticsearchEvaluationBackend(IAsyncDisposable owner, ElasticsearchConnection connection, SearchOptions options, ElasticsearchSearchIndex index)
    {
        _owner = owner;
        _connection = connection;
        Index = index;
        _audit = new ElasticsearchAuditStore(connection, Options.Create(options));
        _history = new ElasticsearchRecordHistory(connection, Options.Create(options), TimeProvider.System);
        _repository = new CaseRepository(index, _audit, _history, TimeProvider.System, NullLogger<CaseRepository>.Instance);
        _store = new ElasticsearchEvaluationStore(connection, index, _repository, Options.Create(options), TimeProvider.System);
    }

    public IEvaluationStore Store => _store;

    public ICaseRepository Repository => _repository;

    public ISearchIndex Index { get; }

    public ISearchIndexMaintenance Maintenance => (ISearchIndexMaintenance)Index;

    public IAuditStore Audit => _audit;

    public async ValueTask DisposeAsync()
    {
        if (_owner is ElasticsearchTestIndex)
        {
            // By name: the stores' own indices are not behind the cases' alias.
            foreach (var index in new[] { _audit.Index, _history.Index, _store.Index })
            {
                await _connection.Client.Indices.DeleteAsync(index);
            }
        }

        _store.Dispose();
        _repository.Dispose();
        _history.Dispose();
        _audit.Dispose();
        await _owner.DisposeAsync();
    }
}
