using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Fixtures;
using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.FSDirectory;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>Group commit: one commit makes every record handed to the writer before it durable; a save whose record a
/// commit already covers returns without committing again, and nothing is reported durable before it is on disk.</summary>
public sealed class LuceneGroupCommitTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CommitThroughAsync_TwoRecordsHandedBeforeOneCommit_BothOnDisk_TheSecondWaiterDoesNotCommitAgain()
    {
        using var generation = LuceneIndexGeneration.Open("v1", _directory.Path);
        generation.Writer.UpdateDocument(LuceneDocumentBuilder.IdTerm("A"), LuceneDocumentBuilder.Build(TestRecords.Case("A", "甲", "港口")));
        var first = generation.Wrote();
        generation.Writer.UpdateDocument(LuceneDocumentBuilder.IdTerm("B"), LuceneDocumentBuilder.Build(TestRecords.Case("B", "乙", "港口")));
        var second = generation.Wrote();
        Assert.Equal(0, CommittedDocuments(_directory.Path));

        Assert.True(await generation.CommitThroughAsync(second, CancellationToken.None));
        Assert.Equal(2, CommittedDocuments(_directory.Path));
        Assert.False(await generation.CommitThroughAsync(first, CancellationToken.None));
        Assert.False(await generation.CommitThroughAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_ManyAtOnce_EachDurableOnReturn_SeenByAFreshReader()
    {
        using var index = LuceneIndexFactory.Create(_directory.Path);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => index.UpsertAsync([TestRecords.Case($"C{i}", "案例", "港口专网")], CancellationToken.None))));

        Assert.Equal(12, CommittedDocuments(CurrentVersionPath()));
        Assert.Equal(12, (await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task ReindexAsync_AfterUpserts_CarriesEveryRecordIntoTheNewVersion()
    {
        using var index = LuceneIndexFactory.Create(_directory.Path);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => index.UpsertAsync([TestRecords.Case($"R{i}", "案例", "港口专网")], CancellationToken.None))));

        var result = await index.ReindexAsync(CancellationToken.None);

        Assert.Equal(6, result.Documents);
        Assert.Equal(6, (await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None)).Total);
    }

    /// <summary>What a reader opened on the disk sees: the last commit, nothing the writer holds in memory.</summary>
    private static int CommittedDocuments(string path)
    {
        using var directory = LuceneDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    /// <summary>The index version the root's <c>current</c> file names.</summary>
    private string CurrentVersionPath() =>
        Path.Combine(_directory.Path, File.ReadAllText(Path.Combine(_directory.Path, "current")).Trim());
}
