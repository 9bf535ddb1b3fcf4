using CaseIngest.Search.Lucene;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>An embedded Lucene.Net index in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class LuceneTestIndex : ITestSearchIndex, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public LuceneTestIndex() => Index = LuceneIndexFactory.Create(_directory.Path);

    public LuceneSearchIndex Index { get; }

    ISearchIndex ITestSearchIndex.Index => Index;

    public void Dispose()
    {
        Index.Dispose();
        _directory.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
