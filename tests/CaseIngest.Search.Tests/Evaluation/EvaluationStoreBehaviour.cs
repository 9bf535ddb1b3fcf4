using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.Tests.Behaviour;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Evaluation;

/// <summary>A backend's evaluation store with what the suite needs to seed and inspect it.</summary>
public interface ITestEvaluationBackend : IAsyncDisposable
{
    IEvaluationStore Store { get; }

    /// <summary>Seeds cases as the pipeline saves them (and saves them again: reprocessing, resubmission).</summary>
    ICaseRepository Repository { get; }

    ISearchIndex Index { get; }

    ISearchIndexMaintenance Maintenance { get; }

    IAuditStore Audit { get; }
}

/// <summary>What every <see cref="IEvaluationStore"/> must do. A backend derives a class that makes its store; the facts
/// run once per backend (as <see cref="SearchIndexBehaviour"/> does for the index).</summary>
public abstract class EvaluationStoreBehaviour : IAsyncLifetime
{
    private static readonly ReviewActor s_admin = new("zhao.min", "admin");
    private static readonly ReviewActor s_li = new("li.expert", "expert");
    private static readonly ReviewActor s_chen = new("chen.expert", "expert");
    private ITestEvaluationBackend? _backend;

    private static CancellationToken None => CancellationToken.None;

    private ITestEvaluationBackend Backend => _backend ?? throw new InvalidOperationException("Not initialised");

    private IEvaluationStore Store => Backend.Store;

    protected abstract ITestEvaluationBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        var record = TestRecords.Case("A", "零售供应链智能预测", "正文");
        record.PackageSha256 = "s1";
        await Backend.Repository.SaveAsync(record, None);
        await Store.AssignAsync("A", [s_li.Name, s_chen.Name], s_admin, None);
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    private async Task<EvaluationReview> StoredAsync() => (await Backend.Index.GetAsync("A", None))!.Review!.Evaluation!;

    private static double? ScoreOf(EvaluationReview evaluation, ReviewActor expert, string point) =>
        EvaluationEdits.Cell(evaluation.Scores, expert.Name, point)?.Score;

    [BackendFact]
    public async Task Assign_KeepsThoseAlreadyAssigned_AndIsAudited()
    {
        var again = await Store.AssignAsync("A", [s_chen.Name, "wu.expert"], s_admin, None);

        Assert.Equal(ReviewUpdateStatus.Saved, again.Status);
        Assert.Equal([s_li.Name, s_chen.Name, "wu.expert"], (await StoredAsync()).AssignedTo);
        var assigned = (await Backend.Audit.ListAsync("A", None)).Where(e => e.What == AuditActions.EvaluationAssigned).ToList();
        Assert.Equal([s_li.Name, s_chen.Name, "wu.expert"], assigned.Select(e => e.Subject));
        Assert.All(assigned, e => Assert.Equal(("zhao.min", "admin"), (e.Actor, e.Role)));
    }

    [BackendFact]
    public async Task Scores_TwoExpertsSavingAtOnce_BothKept_EachAudited()
    {
        var results = await Task.WhenAll(
            Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 4, "场景清楚", null, null)], None),
            Store.SaveScoresAsync("A", s_chen, [new ScoreEdit("S1", 2, null, null, null)], None));

        Assert.All(results, r => Assert.Equal(ReviewUpdateStatus.Saved, r.Status));
        var stored = await StoredAsync();
        Assert.Equal((4, 2), (ScoreOf(stored, s_li, "S1"), ScoreOf(stored, s_chen, "S1")));
        Assert.Equal("场景清楚", EvaluationEdits.Cell(stored.Scores, s_li.Name, "S1")!.Note);
        var scored = (await Backend.Audit.ListAsync("A", None)).Where(e => e.What == AuditActions.EvaluationScored).ToList();
        Assert.Equal(["chen.expert", "li.expert"], scored.Select(e => e.Actor).Order());
        Assert.Contains(scored, e => e is { Actor: "li.expert", Subject: "S1", Before: null, After: "4：场景清楚" });
    }

    [BackendFact]
    public async Task Scores_OneExpertInTwoTabs_SamePoint_IsAConflict_AndTheFirstStands()
    {
        // Both tabs showed S1 empty.
        var first = await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 4, null, null, null)], None);
        var second = await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 1, "误操作", null, null)], None);

        Assert.Equal(ReviewUpdateStatus.Saved, first.Status);
        Assert.Equal(ReviewUpdateStatus.Conflict, second.Status);
        Assert.Contains("S1", second.Error, StringComparison.Ordinal);
        Assert.Equal(4, ScoreOf(second.Record!.Review!.Evaluation!, s_li, "S1"));
        Assert.Equal(4, ScoreOf(await StoredAsync(), s_li, "S1"));
        Assert.Single(await Backend.Audit.ListAsync("A", None), e => e.What == AuditActions.EvaluationScored);
    }

    [BackendFact]
    public async Task Scores_TwoTabs_DifferentPoints_BothKept_AndAChangeOfWhatWasSeenSaves()
    {
        await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 4, null, null, null), new ScoreEdit("S2", null, null, null, null)], None);
        // The second tab still shows S1 empty but posts it unchanged: only S2 is its change.
        var other = await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", null, null, null, null), new ScoreEdit("S2", 3, null, null, null)], None);
        var corrected = await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 5, null, 4, null)], None);

        Assert.Equal((ReviewUpdateStatus.Saved, ReviewUpdateStatus.Saved), (other.Status, corrected.Status));
        var stored = await StoredAsync();
        Assert.Equal((5, 3), (ScoreOf(stored, s_li, "S1"), ScoreOf(stored, s_li, "S2")));
    }

    [BackendFact]
    public async Task Scores_OfAnExpertNotAssigned_AreRefused()
    {
        var outsider = await Store.SaveScoresAsync("A", new ReviewActor("wu.expert", "expert"), [new ScoreEdit("S1", 5, null, null, null)], None);

        Assert.Equal(ReviewUpdateStatus.Invalid, outsider.Status);
        Assert.Empty((await StoredAsync()).Scores);
    }

    [BackendFact]
    public async Task Submit_NeedsEveryPointScored_ThenTheSheetIsClosed()
    {
        await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 4, null, null, null)], None);

        var early = await Store.SubmitAsync("A", s_li, ["S1", "S2", "S3"], None);
        await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S2", 3, null, null, null), new ScoreEdit("S3", 0, null, null, null)], None);
        var done = await Store.SubmitAsync("A", s_li, ["S1", "S2", "S3"], None);
        var late = await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("S1", 5, null, 4, null)], None);

        Assert.Equal(ReviewUpdateStatus.Invalid, early.Status);
        Assert.Contains("S2、S3", early.Error, StringComparison.Ordinal);
        Assert.Equal(ReviewUpdateStatus.Saved, done.Status);
        Assert.Equal(ReviewUpdateStatus.Invalid, late.Status);
        var stored = await StoredAsync();
        Assert.Equal([s_li.Name], stored.Submitted);
        Assert.Equal(4, ScoreOf(stored, s_li, "S1"));
    }

    [BackendFact]
    public async Task Evaluation_SurvivesReindex_Reprocessing_AndAResubmission()
    {
        await Store.SaveScoresAsync("A", s_li, [new ScoreEdit("P1", 5, "前后对比清楚", null, null)], None);
        await Store.SubmitAsync("A", s_li, ["P1"], None);

        await Backend.Maintenance.ReindexAsync(None);
        var again = TestRecords.Case("A", "零售供应链智能预测", "正文");
        again.PackageSha256 = "s1";
        Assert.Equal(SaveOutcome.Replaced, await Backend.Repository.SaveAsync(again, None));
        var resubmitted = TestRecords.Case("A", "零售供应链智能预测", "正文（修订）");
        resubmitted.PackageSha256 = "s2";
        Assert.Equal(SaveOutcome.NewVersion, await Backend.Repository.SaveAsync(resubmitted, None));

        var stored = await StoredAsync();
        Assert.Equal([s_li.Name, s_chen.Name], stored.AssignedTo);
        Assert.Equal(5, ScoreOf(stored, s_li, "P1"));
        Assert.Equal([s_li.Name], stored.Submitted);
    }
}
