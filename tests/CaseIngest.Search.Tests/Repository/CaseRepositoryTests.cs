using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Repository;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Search.Tests.Repository;

public sealed class CaseRepositoryTests : IDisposable
{
    private static readonly DateTimeOffset s_july10 = new(2026, 7, 10, 9, 30, 0, TimeSpan.FromHours(8));
    private readonly LuceneTestIndex _lucene = new();
    private readonly LuceneSearchIndex _index;
    private readonly CaseRepository _repository;

    public CaseRepositoryTests()
    {
        _index = _lucene.Index;
        _repository = _lucene.Repository();
    }

    public void Dispose()
    {
        _repository.Dispose();
        _lucene.Dispose();
    }

    private static ReviewEdit Edit(Action<ReviewSection> change) =>
        new(new ReviewActor("wang.li", "reviewer"), null, record =>
        {
            change(record.Review!);
            return ReviewEditResult.Of(new ReviewChange("test.changed", null, null, "x"));
        });

    [Fact]
    public async Task SaveAsync_ReprocessedPackage_KeepsTheReview()
    {
        Assert.Equal(SaveOutcome.Created, await _repository.SaveAsync(TestRecords.Case("A", "甲", "第一次"), CancellationToken.None));
        await _repository.UpdateReviewAsync("A", Edit(r => r.ConfirmedType = "解决方案类"), CancellationToken.None);

        var outcome = await _repository.SaveAsync(TestRecords.Case("A", "甲", "第二次"), CancellationToken.None);

        var stored = await _index.GetAsync("A", CancellationToken.None);
        Assert.Equal(SaveOutcome.Replaced, outcome);
        Assert.Equal("第二次", stored!.Report!.Text);
        Assert.Equal("解决方案类", stored.Review!.ConfirmedType);
    }

    [Fact]
    public async Task SaveAsync_OlderResubmission_NeverOverwritesTheNewer()
    {
        await _repository.SaveAsync(TestRecords.Case("A", "甲", "新的", submittedAt: s_july10.AddDays(2)), CancellationToken.None);

        var outcome = await _repository.SaveAsync(TestRecords.Case("A", "甲", "旧的", submittedAt: s_july10), CancellationToken.None);

        Assert.Equal(SaveOutcome.SkippedOlder, outcome);
        Assert.Equal("新的", (await _index.GetAsync("A", CancellationToken.None))!.Report!.Text);
    }

    [Fact]
    public async Task SaveAsync_NewerResubmission_Supersedes()
    {
        await _repository.SaveAsync(TestRecords.Case("A", "甲", "旧的", submittedAt: s_july10), CancellationToken.None);

        var outcome = await _repository.SaveAsync(TestRecords.Case("A", "甲", "新的", submittedAt: s_july10.AddDays(1)), CancellationToken.None);

        Assert.Equal(SaveOutcome.Replaced, outcome);
        Assert.Equal("新的", (await _index.GetAsync("A", CancellationToken.None))!.Report!.Text);
    }

    [Fact]
    public async Task UpdateReviewAsync_ChangesReviewOnly_AndUnknownIsNotFound()
    {
        await _repository.SaveAsync(TestRecords.Case("A", "甲", "正文", verdict: Verdict.NeedsReview), CancellationToken.None);

        var updated = await _repository.UpdateReviewAsync("A", Edit(r => r.Shortlist = new Shortlist { Rating = 5, Note = "优秀" }), CancellationToken.None);
        var unknown = await _repository.UpdateReviewAsync("NOPE", Edit(r => r.ConfirmedType = "其他"), CancellationToken.None);

        Assert.Equal(ReviewUpdateStatus.NotFound, unknown.Status);
        Assert.Equal(5, updated.Record!.Review!.Shortlist!.Rating);
        var rated = await _index.SearchAsync(new SearchQuery { MinRating = 5 }, CancellationToken.None);
        Assert.Equal(["A"], rated.Hits.Select(h => h.SubmissionId));
        Assert.Equal("needs_review", rated.Hits[0].Verdict);
    }

    [Fact]
    public async Task SaveAsync_SameRecordConcurrently_LeavesOneDocument()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _repository.SaveAsync(TestRecords.Case("A", "甲", "正文"), CancellationToken.None)));

        Assert.Equal(1, (await _index.SearchAsync(new SearchQuery(), CancellationToken.None)).Total);
    }
}
