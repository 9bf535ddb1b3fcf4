using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Corpus;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Relevance;

/// <summary>Ten Chinese queries a reviewer would type over the sample corpus, each with the case that must come first.</summary>
public sealed class CorpusRelevanceTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private LuceneSearchIndex? _index;

    public async Task InitializeAsync()
    {
        _index = LuceneIndexFactory.Create(_directory.Path);
        await _index.UpsertAsync(CorpusRecords.Copy().ToList(), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _index?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("家电", "D01")]                  // a two-character term (one bigram)
    [InlineData("人力资源", "D04")]              // a title phrase
    [InlineData("挖掘装载", "D05")]
    [InlineData("超声诊断", "D06")]
    [InlineData("液冷智算", "D08")]
    [InlineData("咨询服务", "D10")]
    [InlineData("国有企业", "D10")]              // in one title, in passing in two bodies
    [InlineData("制造企业排产", "D13")]          // only D13's form names it; D09 shares the body text
    [InlineData("离散制造", "D09")]              // D09's one title above D13's title + differing case name
    [InlineData("算力调度 绿电", "D08")]         // two parts, both required
    public async Task Search_CorpusQuery_RanksTheExpectedCaseFirst(string query, string expectedFirst)
    {
        var result = await _index!.SearchAsync(new SearchQuery { Text = query, Limit = 3 }, CancellationToken.None);

        Assert.NotEmpty(result.Hits);
        Assert.Equal(expectedFirst, result.Hits[0].SubmissionId);
    }

    [Fact]
    public async Task Search_SameTextInAnOlderEdition_RanksTheRecentEditionFirst()
    {
        var older = CorpusRecords.Copy().Single(r => r.SubmissionId == "D14");
        older.Edition = 7;
        await _index!.UpsertAsync([older], CancellationToken.None);

        var result = await _index.SearchAsync(new SearchQuery { Text = "医联体" }, CancellationToken.None);

        Assert.Equal(["D02", "D14"], result.Hits.Select(h => h.SubmissionId));
    }

    [Fact]
    public async Task Search_Phrase_OutranksTheSameBigramsScattered()
    {
        var result = await _index!.SearchAsync(new SearchQuery { Text = "供应链" }, CancellationToken.None);

        Assert.Contains(result.Hits[0].SubmissionId, new[] { "D03", "D11" });
        Assert.Contains("<em>供应链</em>", string.Concat(result.Hits[0].Highlights), StringComparison.Ordinal);
    }
}
