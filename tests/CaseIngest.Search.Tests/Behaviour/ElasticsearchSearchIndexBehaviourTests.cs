using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>The behaviour suite against a real Elasticsearch (<see cref="ElasticsearchTestIndex"/>).</summary>
[RequiresElasticsearch]
public sealed class ElasticsearchSearchIndexBehaviourTests : SearchIndexBehaviour
{
    protected override ITestSearchIndex CreateBackend() => new ElasticsearchTestIndex();
}
