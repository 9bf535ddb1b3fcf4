using CaseIngest.Search.Tests.Corpus;
using CaseIngest.Search.Tests.Fixtures;
using CaseIngest.Testing;

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

        var candidates = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync(opening, "SELF", 5, _ => false, CancellationToken.None).ToListAsync();
        var excluded = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync(opening, "D05", 5, _ => false, CancellationToken.None).ToListAsync();

        Assert.Equal("D05", candidates[0].SubmissionId);
        Assert.Equal(original.Report.Text, candidates[0].ReportText);
        Assert.DoesNotContain(excluded, c => c.SubmissionId == "D05");
    }

    [Fact]
    public async Task CopyCandidatesAsync_CommittedCaseWhoseTextTheCallerKnows_ComesWithoutItsText_TheOthersWithTheirs()
    {
        using var directory = new TemporaryDirectory();
        using var index = LuceneIndexFactory.Create(directory.Path, commitDelayMs: 0);
        var records = CorpusRecords.Copy();
        await index.UpsertAsync(records, CancellationToken.None);
        var opening = records.Single(r => r.SubmissionId == "D05").Report!.Text![..2000];

        var unknown = await ((ISimilarTextSearch)index).CopyCandidatesAsync(opening, "SELF", 5, _ => false, CancellationToken.None).ToListAsync();
        var known = await ((ISimilarTextSearch)index).CopyCandidatesAsync(opening, "SELF", 5, id => id == "D05", CancellationToken.None).ToListAsync();

        Assert.Equal("D05", unknown[0].SubmissionId);
        Assert.NotNull(unknown[0].ReportText);
        Assert.Equal(unknown.Select(c => c.SubmissionId), known.Select(c => c.SubmissionId));
        Assert.Null(known[0].ReportText);
        Assert.All(known.Skip(1), c => Assert.NotNull(c.ReportText));
    }

    [Fact]
    public async Task CopyCandidatesAsync_TextWithNothingInCommon_NoCandidate()
    {
        await _lucene.Index.UpsertAsync(CorpusRecords.Copy(), CancellationToken.None);

        var candidates = await ((ISimilarTextSearch)_lucene.Index).CopyCandidatesAsync("ŋŋŋŋ ʃʃʃʃ ǂǂǂǂ", null, 5, _ => false, CancellationToken.None).ToListAsync();

        Assert.Empty(candidates);
    }
}
