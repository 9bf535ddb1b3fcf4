using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

public sealed class LuceneSmokeTests
{
    [Fact]
    public async Task Search_AfterUpsert_FindsHighlightedHit()
    {
        using var directory = new TemporaryDirectory();
        using var index = LuceneIndexFactory.Create(directory.Path);
        await index.UpsertAsync([TestRecords.Case("A", "零售供应链智能预测", "企业建设了供应链协同平台。")], CancellationToken.None);
        var result = await index.SearchAsync(new SearchQuery { Text = "供应链" }, CancellationToken.None);
        Assert.Equal(1, result.Total);
        Assert.Contains("<em>供应链</em>", result.Hits[0].Highlights[0], StringComparison.Ordinal);
    }
}
