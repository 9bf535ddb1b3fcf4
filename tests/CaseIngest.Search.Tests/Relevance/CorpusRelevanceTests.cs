using CaseIngest.Search.Tests.Behaviour;
using CaseIngest.Search.Tests.Corpus;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Relevance;

/// <summary>Ten Chinese queries a reviewer would type over the sample corpus, each with the case that must come first;
/// the same expectations for every backend.</summary>
public abstract class CorpusRelevanceBehaviour : SearchBackendTests
{
    private static readonly (string Query, string ExpectedFirst, string Why)[] s_queries =
    [
        ("家电", "D01", "a two-character term (one bigram)"),
        ("人力资源", "D04", "a title phrase"),
        ("挖掘装载", "D05", "a title phrase"),
        ("超声诊断", "D06", "a title phrase"),
        ("液冷智算", "D08", "a title phrase"),
        ("咨询服务", "D10", "a title phrase"),
        ("国有企业", "D10", "in one title, in passing in two bodies"),
        ("制造企业排产", "D13", "only D13's form names it; D09 shares the body text"),
        ("离散制造", "D09", "D09's one title above D13's title plus a differing case name"),
        ("算力调度 绿电", "D08", "two parts, both required"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Index.UpsertAsync(CorpusRecords.Copy().ToList(), CancellationToken.None);
    }

    [BackendFact]
    public async Task Search_TenCorpusQueries_RankTheExpectedCaseFirst()
    {
        var wrong = new List<string>();
        foreach (var (query, expected, why) in s_queries)
        {
            var result = await Index.SearchAsync(new SearchQuery { Text = query, Limit = 3 }, CancellationToken.None);
            var first = result.Hits.Count == 0 ? "(nothing)" : result.Hits[0].SubmissionId;
            if (first != expected)
            {
                wrong.Add($"“{query}”: {first} first, expected {expected} ({why}); got {string.Join(' ', result.Hits.Select(h => $"{h.SubmissionId}:{h.Score:F1}"))}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [BackendFact]
    public async Task Search_SameTextInAnOlderEdition_RanksTheRecentEditionFirst()
    {
        var older = CorpusRecords.Copy().Single(r => r.SubmissionId == "D14");
        older.Edition = 7;
        await Index.UpsertAsync([older], CancellationToken.None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "医联体" }, CancellationToken.None);

        Assert.Equal(["D02", "D14"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_Phrase_OutranksTheSameBigramsScattered()
    {
        var result = await Index.SearchAsync(new SearchQuery { Text = "供应链" }, CancellationToken.None);

        Assert.Contains(result.Hits[0].SubmissionId, new[] { "D03", "D11" });
        Assert.Contains("<em>供应链</em>", string.Concat(result.Hits[0].Highlights), StringComparison.Ordinal);
    }
}

public sealed class LuceneCorpusRelevanceTests : CorpusRelevanceBehaviour
{
    protected override ITestSearchIndex CreateBackend() => new LuceneTestIndex();
}

[RequiresElasticsearch]
public sealed class ElasticsearchCorpusRelevanceTests : CorpusRelevanceBehaviour
{
    protected override ITestSearchIndex CreateBackend() => new ElasticsearchTestIndex();
}
