using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>Two index instances on one folder, as the web app and the command line are: readers share it, one writes.</summary>
public sealed class LuceneSharedDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SearchAsync_SecondInstanceThatOnlyReads_SeesTheWritersCommits()
    {
        // Another process reads commits only: a writer that commits each save (by default its commits come within a second).
        using var writer = LuceneIndexFactory.Create(_directory.Path, commitDelayMs: 0);
        await writer.UpsertAsync([TestRecords.Case("A", "港口专网", "港口")], CancellationToken.None);
        using var reader = LuceneIndexFactory.Create(_directory.Path);

        var result = await reader.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None);

        Assert.Equal(["A"], result.Hits.Select(h => h.SubmissionId));
    }

    [Fact]
    public async Task UpsertAsync_WhileAnotherInstanceWrites_ThrowsNamingTheIndexAndTheCause()
    {
        using var first = LuceneIndexFactory.Create(_directory.Path);
        await first.UpsertAsync([TestRecords.Case("A", "甲", "正文")], CancellationToken.None);
        using var second = LuceneIndexFactory.Create(_directory.Path);

        var error = await Assert.ThrowsAsync<IOException>(() => second.UpsertAsync([TestRecords.Case("B", "乙", "正文")], CancellationToken.None));

        Assert.Contains("open for writing in another process", error.Message, StringComparison.Ordinal);
        Assert.Contains(_directory.Path, error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => second.ReindexAsync(CancellationToken.None));
    }
}
