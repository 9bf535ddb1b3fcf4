using System.Runtime.CompilerServices;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Corpus;
using CaseIngest.Search.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Duplicates;

public sealed class DuplicateDetectorTests : IDisposable
{
    private static readonly string[][] s_sharedTexts = [["D02", "D14"], ["D03", "D11"], ["D07", "D12"], ["D09", "D13"]];
    private readonly LuceneTestIndex _lucene = new();
    private readonly LuceneSearchIndex _index;

    public DuplicateDetectorTests() => _index = _lucene.Index;

    public void Dispose() => _lucene.Dispose();

    [Fact]
    public async Task EnrichAsync_CorpusIngestedInOrder_FlagsExactlyThePairsSharingAText()
    {
        var detector = NewDetector();
        var flagged = new List<(string Id, string Evidence)>();
        foreach (var record in CorpusRecords.Copy())
        {
            await detector.EnrichAsync(record, CancellationToken.None);
            flagged.AddRange(record.Findings.Where(f => f.Code == FindingCodes.PossibleDuplicate).Select(f => (record.SubmissionId, f.Evidence!)));
            await _index.UpsertAsync([record], CancellationToken.None);
        }

        Assert.Equal(["D11", "D12", "D13", "D14"], flagged.Select(f => f.Id).Order());
        foreach (var (id, evidence) in flagged)
        {
            var other = s_sharedTexts.Single(p => p.Contains(id)).Single(p => p != id);
            Assert.Contains(other, evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnrichAsync_ReprocessedWithBothIndexed_FlagsBothSidesAndNotItself()
    {
        await _index.UpsertAsync(CorpusRecords.Copy().ToList(), CancellationToken.None);
        var detector = NewDetector();

        var flaggedIds = new List<string>();
        foreach (var record in CorpusRecords.Copy())
        {
            await detector.EnrichAsync(record, CancellationToken.None);
            if (record.Findings.Any(f => f.Code == FindingCodes.PossibleDuplicate))
            {
                flaggedIds.Add(record.SubmissionId);
            }
        }

        Assert.Equal(s_sharedTexts.SelectMany(p => p).Order(), flaggedIds.Order());
    }

    [Fact]
    public async Task EnrichAsync_TwoCopiesBeforeEitherIsIndexed_FlagsTheSecond()
    {
        var detector = NewDetector();
        var copies = CorpusRecords.Copy().Where(r => r.SubmissionId is "D07" or "D12").ToList();

        await detector.EnrichAsync(copies[0], CancellationToken.None);
        await detector.EnrichAsync(copies[1], CancellationToken.None);

        Assert.Empty(copies[0].Findings);
        var finding = Assert.Single(copies[1].Findings);
        Assert.Equal(FindingCodes.PossibleDuplicate, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("D07", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrichAsync_ReportIndexedThreeTimes_ReadsOnlyTheFirstIdenticalCandidate_CountedAroundTheRealIndex()
    {
        var original = CorpusRecords.Copy().Single(r => r.SubmissionId == "D07");
        var copies = new[] { "C1", "C2", "C3" }.Select(id => WithId(original, id)).ToList();
        await _index.UpsertAsync(copies, CancellationToken.None);
        var counted = new CountedCandidates(_index);
        var detector = new DuplicateDetector(counted, _index, Options.Create(new DuplicateDetectionOptions()), NullLogger<DuplicateDetector>.Instance);
        var resubmitted = WithId(original, "NEW");

        await detector.EnrichAsync(resubmitted, CancellationToken.None);

        var finding = Assert.Single(resubmitted.Findings);
        Assert.Equal(1.0, finding.Measured);
        Assert.Equal(1, counted.Read);
    }

    [Fact]
    public async Task EnrichAsync_NoReportText_AddsNothing()
    {
        var record = new CaseRecord { SubmissionId = "X" };

        await NewDetector().EnrichAsync(record, CancellationToken.None);

        Assert.Empty(record.Findings);
    }

    private static CaseRecord WithId(CaseRecord record, string submissionId)
    {
        var copy = CaseRecordJson.Clone(record);
        copy.SubmissionId = submissionId;
        return copy;
    }

    private DuplicateDetector NewDetector() =>
        new(_index, _index, Options.Create(new DuplicateDetectionOptions()), NullLogger<DuplicateDetector>.Instance);

    /// <summary>The real index's copy candidates, counted as the detector reads them.</summary>
    private sealed class CountedCandidates(LuceneSearchIndex index) : ISimilarTextSearch
    {
        public int Read { get; private set; }

        public Task<IReadOnlyList<SearchHit>> MoreLikeTextAsync(string text, string? excludeSubmissionId, int count, CancellationToken cancellationToken) =>
            index.MoreLikeTextAsync(text, excludeSubmissionId, count, cancellationToken);

        public async IAsyncEnumerable<CopyCandidate> CopyCandidatesAsync(string text, string? excludeSubmissionId, int count, Func<string, bool> textKnown,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var candidate in index.CopyCandidatesAsync(text, excludeSubmissionId, count, textKnown, cancellationToken))
            {
                Read++;
                yield return candidate;
            }
        }
    }
}
