using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>The behaviour suite against the embedded Lucene.Net index, in a fresh directory per test.</summary>
public sealed class LuceneSearchIndexBehaviourTests : SearchIndexBehaviour
{
    private readonly TemporaryDirectory _directory = new();
    private LuceneSearchIndex? _lucene;

    protected override Task<ISearchIndex> CreateIndexAsync()
    {
        _lucene = LuceneIndexFactory.Create(_directory.Path);
        return Task.FromResult<ISearchIndex>(_lucene);
    }

    protected override Task DisposeIndexAsync()
    {
        _lucene?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
