using CaseIngest.Search.Audit;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.Tests.Elasticsearch;
using CaseIngest.Search.Tests.Evaluation;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.People;

/// <summary>What the audit store and the record history send, recorded in the client's own pipeline, checked against
/// the REST specification files.</summary>
public sealed class PeopleStoresContractTests : IAsyncLifetime
{
    private ElasticsearchStandIn _es = null!;

    public async Task InitializeAsync() => _es = await ElasticsearchStandIn.StartAsync();

    public async Task DisposeAsync() => await _es.DisposeAsync();

    [Fact]
    public async Task Recorded_AuditAndHistoryRequests_AreAllowedByTheRestSpec()
    {
        var audit = new ElasticsearchAuditStore(_es.Connection, Options.Create(_es.Options));
        var history = new ElasticsearchRecordHistory(_es.Connection, Options.Create(_es.Options), TimeProvider.System);
        await audit.AppendAsync([new AuditEvent { SubmissionId = "A", Actor = "li", Role = "reviewer", At = DateTimeOffset.UnixEpoch, What = AuditActions.PackageDecided }],
            CancellationToken.None);
        await audit.AppendAsync([new AuditEvent { SubmissionId = "A", Actor = "li", Role = "reviewer", At = DateTimeOffset.UnixEpoch, What = AuditActions.PackageReopened }],
            CancellationToken.None);
        await audit.ListAsync("A", CancellationToken.None);
        await history.KeepAsync(TestRecords.Case("A", "甲", "正文"), CancellationToken.None);
        await history.ListAsync("A", CancellationToken.None);

        var endpoints = new HashSet<string>();
        foreach (var request in _es.Requests)
        {
            var (allowing, refusals) = RestApiSpec.Check(request);
            Assert.True(allowing.Count > 0, $"{request.Method} {request.Path} is allowed by no spec:\n" + string.Join('\n', refusals));
            endpoints.UnionWith(allowing);
        }

        Assert.Superset(new HashSet<string> { "indices.exists", "indices.create", "get", "index", "bulk", "search" }, endpoints);
        var moves = _es.Requests.Where(r => r is { Method: "PUT", Path: "/cases-audit/_doc/sequence" }).ToList();
        Assert.Contains(("op_type", "create"), moves[0].Query);
        Assert.Contains(moves[1].Query, q => q.Name == "if_seq_no");
        Assert.Contains(moves[1].Query, q => q.Name == "if_primary_term");
    }

    [Fact]
    public async Task Recorded_EvaluationRequests_AreAllowedByTheRestSpec_AndMoveTheDocumentWithConcurrencyChecks()
    {
        // Not disposed here: it would dispose the stand-in, which this class disposes.
        var backend = new ElasticsearchEvaluationBackend(_es);
        await backend.Repository.SaveAsync(TestRecords.Case("A", "甲", "正文"), CancellationToken.None);
        var expert = new ReviewActor("li.expert", "expert");
        await backend.Store.AssignAsync("A", [expert.Name], new ReviewActor("zhao.min", "admin"), CancellationToken.None);
        await backend.Store.SaveScoresAsync("A", expert, [new ScoreEdit("S1", 4, null, null, null)], CancellationToken.None);

        foreach (var request in _es.Requests)
        {
            var (allowing, refusals) = RestApiSpec.Check(request);
            Assert.True(allowing.Count > 0, $"{request.Method} {request.Path} is allowed by no spec:\n" + string.Join('\n', refusals));
        }

        var writes = _es.Requests.Where(r => r is { Method: "PUT", Path: "/cases-evaluation/_doc/A" }).ToList();
        Assert.Equal(2, writes.Count);
        Assert.Contains(("op_type", "create"), writes[0].Query);
        Assert.Contains(writes[1].Query, q => q.Name == "if_seq_no");
        Assert.Contains(writes[1].Query, q => q.Name == "if_primary_term");
        Assert.Contains(_es.Requests, r => r is { Method: "GET", Path: "/cases-evaluation/_doc/A" });
    }
}
