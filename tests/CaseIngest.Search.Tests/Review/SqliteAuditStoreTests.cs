using CaseIngest.Search.Audit;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace CaseIngest.Search.Tests.Review;

public sealed class SqliteAuditStoreTests : IDisposable
{
    private readonly LuceneTestIndex _lucene = new();

    public void Dispose() => _lucene.Dispose();

    private static AuditEvent Event(string id, string what) => new()
    {
        SubmissionId = id, Actor = "wang.li", Role = "reviewer", At = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero),
        What = what, Before = "a", After = "b", Revision = 1,
    };

    [Fact]
    public async Task Events_ListPerCase_InOrder_AndExportAll()
    {
        await _lucene.Audit.AppendAsync([Event("A", "one"), Event("B", "two")], CancellationToken.None);
        await _lucene.Audit.AppendAsync([Event("A", "three")], CancellationToken.None);

        Assert.Equal(["one", "three"], (await _lucene.Audit.ListAsync("A", CancellationToken.None)).Select(e => e.What));
        Assert.Equal(["one", "two", "three"], await _lucene.Audit.ReadAllAsync(CancellationToken.None).Select(e => e.What).ToListAsync());
    }

    [Fact]
    public async Task Events_CannotBeChangedOrDeleted()
    {
        await _lucene.Audit.AppendAsync([Event("A", "one")], CancellationToken.None);

        await using var connection = await _lucene.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_events";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_SurviveANewStoreOnTheSameFile()
    {
        await _lucene.Audit.AppendAsync([Event("A", "one")], CancellationToken.None);

        var reopened = new SqliteAuditStore(_lucene.Database);

        Assert.Equal("one", Assert.Single(await reopened.ListAsync("A", CancellationToken.None)).What);
    }
}
