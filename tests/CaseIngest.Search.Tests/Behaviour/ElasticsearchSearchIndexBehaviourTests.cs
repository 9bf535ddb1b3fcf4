using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>The behaviour suite against a real Elasticsearch (<see cref="ElasticsearchTestIndex"/>).</summary>
[RequiresElasticsearch]
public sealed class ElasticsearchSearchIndexBehaviourTests : SearchIndexBehaviour
{
    private ElasticsearchTestIndex? _elasticsearch;

    protected override Task<ISearchIndex> CreateIndexAsync()
    {
        _elasticsearch = new ElasticsearchTestIndex();
        return Task.FromResult<ISearchIndex>(_elasticsearch.Index);
    }

    protected override async Task DisposeIndexAsync()
    {
        if (_elasticsearch is not null)
        {
            await _elasticsearch.DisposeAsync();
        }
    }
}
