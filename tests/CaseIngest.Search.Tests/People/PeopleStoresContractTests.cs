using CaseIngest.Search.Audit;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Tests.Elasticsearch;
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
}
