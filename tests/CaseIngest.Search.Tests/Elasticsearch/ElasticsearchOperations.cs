using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>Each of the backend's operations once, on an empty stand-in, checking what each returns.</summary>
internal static class ElasticsearchOperations
{
    public static async Task RunEveryOperationAsync(ElasticsearchSearchIndex index)
    {
        var none = CancellationToken.None;
        await index.UpsertAsync([TestRecords.Case("A", "零售供应链", "供应链协同"), TestRecords.Case("B", "港口专网", "港口")], none);
        Assert.Equal("零售供应链", (await index.GetAsync("A", none))!.Report!.Title);
        Assert.Equal(2, (await index.SearchAsync(new SearchQuery { Text = "供应链", Type = "经营管理类", Sort = SearchSorts.Rating }, none)).Total);
        Assert.Equal([new FacetCount("经营管理类", 2)], (await index.SearchAsync(new SearchQuery(), none)).Facets[SearchFacets.Type]);
        Assert.NotEmpty(await index.MoreLikeThisAsync("A", 3, none));
        var all = new List<string>();
        await foreach (var record in index.ReadAllAsync(none))
        {
            all.Add(record.SubmissionId);
        }

        Assert.Equal(["A", "B"], all);
        var outlines = new List<CaseIngest.Abstractions.Records.CaseRecord>();
        await foreach (var outline in index.ReadOutlinesAsync(new OutlineFilter(8, "possible_duplicate"), none))
        {
            outlines.Add(outline);
        }

        Assert.All(outlines, o => Assert.Null(o.Report));
        Assert.Equal(2, (await index.ReindexAsync(none)).Documents);
        await index.DeleteAsync(["B"], none);
        Assert.Null(await index.GetAsync("B", none));
    }
}
