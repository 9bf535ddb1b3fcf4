using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Fixtures;
using CaseIngest.Testing;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.FSDirectory;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>A save is durable when it returns — through the write journal, not a commit of its own — and searchable in
/// the process at once; commits come in the background and cover many saves; a process that stops before committing
/// leaves nothing behind that the next start does not replay. "A crash" here is a copy of the index directory taken
/// while the writing index is still open and has not committed: what the disk holds at that moment.</summary>
public sealed class LuceneDurabilityTests : IDisposable
{
    private static readonly TimeSpan s_neverInTheTest = TimeSpan.FromMinutes(1);
    private readonly TemporaryDirectory _directory = new();
    private readonly TemporaryDirectory _crashCopy = new();

    public void Dispose()
    {
        _directory.Dispose();
        _crashCopy.Dispose();
    }

    [Fact]
    public async Task CommitThroughAsync_TwoRecordsWrittenBeforeOneCommit_BothOnDisk_TheSecondWaiterDoesNotCommitAgain()
    {
        using var generation = LuceneIndexGeneration.Open("v1", _directory.Path);
        var first = generation.Write([GenerationWrites.Of("A")]);
        var second = generation.Write([GenerationWrites.Of("B")]);
        Assert.Equal(0, CommittedDocuments(_directory.Path));

        Assert.True(await generation.CommitThroughAsync(second, CancellationToken.None));
        Assert.Equal(2, CommittedDocuments(_directory.Path));
        Assert.False(await generation.CommitThroughAsync(first, CancellationToken.None));
        Assert.False(await generation.CommitThroughAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task CommitThroughAsync_OnAnIndexThatCommitsInTheBackground_IsRefused()
    {
        using var generation = LuceneIndexGeneration.Open("v1", _directory.Path,
            new LuceneCommitPolicy(s_neverInTheTest, TimeProvider.System, _ => { }, _ => { }));
        var ticket = generation.Write([GenerationWrites.Of("A")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => generation.CommitThroughAsync(ticket, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_ManyAtOnce_NoneCommitted_ACrashCopyOpenedAfterwardsHoldsThemAll()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => index.UpsertAsync([TestRecords.Case($"C{i}", "案例", "港口专网")], CancellationToken.None))));
        Assert.Equal(0, CommittedDocuments(CurrentVersionPath(_directory.Path)));

        DirectoryTree.Copy(_directory.Path, _crashCopy.Path);
        using var restarted = Index(_crashCopy.Path, s_neverInTheTest);

        Assert.Equal(12, (await restarted.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None)).Total);
        Assert.Equal(12, CommittedDocuments(CurrentVersionPath(_crashCopy.Path)));
        Assert.Empty(JournalFiles(_crashCopy.Path));
    }

    [Fact]
    public async Task SearchAsync_RightAfterASaveWhoseCommitWaits_FindsIt()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await index.UpsertAsync([TestRecords.Case("S1", "港口案例", "港口专网")], CancellationToken.None);

        Assert.Equal(1, (await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task GetAsync_ASecondSaveNotYetCommitted_ReturnsTheSecondVersion()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await index.UpsertAsync([TestRecords.Case("G1", "第一版", "港口专网")], CancellationToken.None);
        _ = await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None); // commits the first
        await index.UpsertAsync([TestRecords.Case("G1", "第二版", "港口专网")], CancellationToken.None);

        var read = await index.GetAsync("G1", CancellationToken.None);

        Assert.Equal("第二版", read?.Form?.CaseName);
    }

    [Fact]
    public async Task BackgroundCommit_WhenItsDelayPasses_PutsTheSaveOnDisk_AndEmptiesTheJournal()
    {
        var time = new ManualTimers();
        using var index = Index(_directory.Path, TimeSpan.FromSeconds(1), time);
        await index.UpsertAsync([TestRecords.Case("B1", "案例", "港口专网")], CancellationToken.None);
        var version = CurrentVersionPath(_directory.Path);
        Assert.Equal(0, CommittedDocuments(version));
        Assert.NotEmpty(JournalFiles(_directory.Path));

        time.FireAll();
        Assert.True(index.WaitForUpkeep(TimeSpan.FromSeconds(30)));

        Assert.Equal(1, CommittedDocuments(version));
        Assert.Empty(JournalFiles(_directory.Path));
    }

    [Fact]
    public async Task DeleteAsync_AfterAnUncommittedSave_TheRecordStaysDeletedInACrashCopy()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await index.UpsertAsync([TestRecords.Case("D1", "案例", "港口专网"), TestRecords.Case("D2", "案例", "港口专网")], CancellationToken.None);
        await index.DeleteAsync(["D1"], CancellationToken.None);
        Assert.Null(await index.GetAsync("D1", CancellationToken.None));

        DirectoryTree.Copy(_directory.Path, _crashCopy.Path);
        using var restarted = Index(_crashCopy.Path, s_neverInTheTest);

        Assert.Null(await restarted.GetAsync("D1", CancellationToken.None));
        Assert.NotNull(await restarted.GetAsync("D2", CancellationToken.None));
    }

    [Fact]
    public async Task Commit_SavesAndADeletionWaitingForTheWriter_LeavesWhatTheirOrderSays()
    {
        // GIVEN saves and a deletion handed over before any background commit: Q1 saved then deleted, Q2 saved twice
        using var index = Index(_directory.Path, s_neverInTheTest);
        await index.UpsertAsync([TestRecords.Case("Q1", "案例", "港口专网")], CancellationToken.None);
        await index.UpsertAsync([TestRecords.Case("Q2", "案例", "港口专网")], CancellationToken.None);
        await index.DeleteAsync(["Q1"], CancellationToken.None);
        await index.UpsertAsync([TestRecords.Case("Q2", "案例", "矿山专网")], CancellationToken.None);

        // WHEN searches commit them
        var port = await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None);
        var mine = await index.SearchAsync(new SearchQuery { Text = "矿山" }, CancellationToken.None);

        // THEN the deleted case is gone and the twice-saved one holds its second text only
        Assert.Equal(0, port.Total);
        Assert.Equal(["Q2"], mine.Hits.Select(h => h.SubmissionId));
        Assert.Equal(1, CommittedDocuments(CurrentVersionPath(_directory.Path)));
    }

    [Fact]
    public async Task Replay_ATornLastLine_IsSkipped_TheWholeLinesBeforeItAreKept()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await index.UpsertAsync([TestRecords.Case("T1", "案例", "港口专网")], CancellationToken.None);
        DirectoryTree.Copy(_directory.Path, _crashCopy.Path);
        var journal = Assert.Single(JournalFiles(_crashCopy.Path));
        File.AppendAllText(journal, "U\t{\"submissionId\":\"T2\",\"form\":{\"caseNa");

        using var restarted = Index(_crashCopy.Path, s_neverInTheTest);

        Assert.NotNull(await restarted.GetAsync("T1", CancellationToken.None));
        Assert.Null(await restarted.GetAsync("T2", CancellationToken.None));
    }

    [Fact]
    public async Task ReindexAsync_AfterUncommittedSaves_CarriesEveryRecordIntoTheNewVersion()
    {
        using var index = Index(_directory.Path, s_neverInTheTest);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => index.UpsertAsync([TestRecords.Case($"R{i}", "案例", "港口专网")], CancellationToken.None))));

        var result = await index.ReindexAsync(CancellationToken.None);

        Assert.Equal(6, result.Documents);
        Assert.Equal(6, (await index.SearchAsync(new SearchQuery { Text = "港口" }, CancellationToken.None)).Total);
    }

    private static LuceneSearchIndex Index(string path, TimeSpan commitDelay, TimeProvider? time = null) =>
        new(Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = path, CommitDelayMs = (int)commitDelay.TotalMilliseconds } }),
            NullLogger<LuceneSearchIndex>.Instance, time);

    /// <summary>What a reader opened on the disk sees: the last commit, nothing the writer holds in memory.</summary>
    private static int CommittedDocuments(string path)
    {
        using var directory = LuceneDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    private static string CurrentVersionPath(string root) =>
        Path.Combine(root, File.ReadAllText(Path.Combine(root, "current")).Trim());

    private static string[] JournalFiles(string root) =>
        Directory.GetFiles(CurrentVersionPath(root), "caseingest-journal-*");


    /// <summary>The system clock, except that timers fire when the test says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_timers)
            {
                _timers.Add((callback, state));
            }

            return new Inert();
        }

        public void FireAll()
        {
            List<(TimerCallback Callback, object? State)> due;
            lock (_timers)
            {
                due = [.. _timers];
                _timers.Clear();
            }

            Assert.NotEmpty(due);
            foreach (var (callback, state) in due)
            {
                callback(state);
            }
        }

        private sealed class Inert : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
