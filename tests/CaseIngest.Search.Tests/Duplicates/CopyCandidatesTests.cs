using CaseIngest.Search.Tests.Corpus;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Duplicates;

public sealed class CopyCandidatesTests : IDisposable
{
    private readonly LuceneTestIndex _lucene = new();

    public void Dispose() => _lucene.Dispose();

    [Fact]
    public async Task CopyCandidatesAsync_OpeningOfAnIndexedReport_ThatCaseFirst_WithItsReportText_NeverTheExcludedOne()
    {
        var records = CorpusRecords.Copy();
        await _lucene.Index.UpsertAsync(records, CancellationToken.None);
        var original = records.Single(r => r.SubmissionId == "D05");
        var opening = original.Report!.Text![..2000];

        var candidates = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync(opening, "SELF", 5, CancellationToken.None);
        var excluded = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync(opening, "D05", 5, CancellationToken.None);

        Assert.Equal("D05", candidates[0].SubmissionId);
        Assert.Equal(original.Report.Text, candidates[0].ReportText);
        Assert.DoesNotContain(excluded, c => c.SubmissionId == "D05");
    }

    [Fact]
    public async Task CopyCandidatesAsync_TextWithNothingInCommon_NoCandidate()
    {
        await _lucene.Index.UpsertAsync(CorpusRecords.Copy(), CancellationToken.None);

        var candidates = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync("ŋŋŋŋ ʃʃʃʃ ǂǂǂǂ", null, 5, CancellationToken.None);

        Assert.Empty(candidates);
    }
}
