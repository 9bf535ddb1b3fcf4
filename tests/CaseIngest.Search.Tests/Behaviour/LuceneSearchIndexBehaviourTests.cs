using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>The behaviour suite against the embedded Lucene.Net index, in a fresh directory per test.</summary>
public sealed class LuceneSearchIndexBehaviourTests : SearchIndexBehaviour
{
    protected override ITestSearchIndex CreateBackend() => new LuceneTestIndex();
}
