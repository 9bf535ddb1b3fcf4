using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Embedded;
using CaseIngest.Search.History;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Repository;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>An embedded Lucene.Net index in a fresh temporary directory, deleted on dispose; the review database (audit
/// trail, record history) beside it, as the host composes them.</summary>
internal sealed class LuceneTestIndex : ITestSearchIndex, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public LuceneTestIndex()
    {
        Index = LuceneIndexFactory.Create(_directory.Path);
        Database = new ReviewDatabase(Options.Create(new ReviewDatabaseOptions()),
            Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = _directory.Path } }));
        Audit = new SqliteAuditStore(Database);
        History = new SqliteRecordHistory(Database, TimeProvider.System);
    }

    public LuceneSearchIndex Index { get; }

    public ReviewDatabase Database { get; }

    public SqliteAuditStore Audit { get; }

    public SqliteRecordHistory History { get; }

    ISearchIndex ITestSearchIndex.Index => Index;

    /// <summary>The repository over this index and its review database.</summary>
    public CaseRepository Repository(TimeProvider? clock = null) =>
        new(Index, Audit, History, clock ?? TimeProvider.System, NullLogger<CaseRepository>.Instance);

    public void Dispose()
    {
        Index.Dispose();
        Database.Dispose();
        _directory.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
