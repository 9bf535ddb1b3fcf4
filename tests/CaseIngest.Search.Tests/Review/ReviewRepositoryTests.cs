using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Repository;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Review;

/// <summary>The review's keeping rules at the repository: optimistic concurrency on <c>review.revision</c>, the audit
/// trail of every change, versions of a resubmitted package.</summary>
public sealed class ReviewRepositoryTests : IDisposable
{
    private static readonly ReviewActor s_wang = new("wang.li", "reviewer");
    private static readonly ReviewActor s_zhao = new("zhao.min", "admin");
    private readonly LuceneTestIndex _lucene = new();
    private readonly CaseRepository _repository;

    public ReviewRepositoryTests() => _repository = _lucene.Repository();

    public void Dispose()
    {
        _repository.Dispose();
        _lucene.Dispose();
    }

    private static CaseRecord Package(string sha, params (string Code, string Evidence)[] findings)
    {
        var record = TestRecords.Case("A", "甲", "正文", verdict: Verdict.Rejected);
        record.PackageSha256 = sha;
        record.Findings = [.. findings.Select(f => new Finding { Code = f.Code, Severity = Severity.Error, Message = f.Code, Evidence = f.Evidence })];
        return record;
    }

    private static ReviewEdit Decide(ReviewActor actor, long? expected, PackageOutcome outcome, string reason) =>
        new(actor, expected, record =>
        {
            var before = AuditValues.Of(record.Review!.Decision);
            record.Review.Decision = new PackageDecision { Outcome = outcome, Reason = reason, By = actor.Name };
            return ReviewEditResult.Of(new ReviewChange(AuditActions.PackageDecided, null, before, AuditValues.Of(record.Review.Decision)));
        });

    private static ReviewEdit Dismiss(ReviewActor actor, string code, string evidence, string reason) =>
        new(actor, null, record =>
        {
            record.Review!.Findings.Add(new FindingDecision { Code = code, Evidence = evidence, Decision = FindingOutcome.Dismissed, Reason = reason, By = actor.Name });
            return ReviewEditResult.Of(new ReviewChange(AuditActions.FindingDecided, AuditValues.Finding(code, evidence), null, "dismissed：" + reason));
        });

    [Fact]
    public async Task UpdateReview_OnAStaleRevision_IsAConflict_AndTheFirstChangeStands()
    {
        await _repository.SaveAsync(Package("s1"), CancellationToken.None);

        // Both people opened the case at revision 0.
        var first = await _repository.UpdateReviewAsync("A", Decide(s_wang, 0, PackageOutcome.NonCompliant, "缺公章"), CancellationToken.None);
        var second = await _repository.UpdateReviewAsync("A", Decide(s_zhao, 0, PackageOutcome.Compliant, "公章清晰"), CancellationToken.None);

        Assert.Equal(ReviewUpdateStatus.Saved, first.Status);
        Assert.Equal(ReviewUpdateStatus.Conflict, second.Status);
        Assert.Equal(PackageOutcome.NonCompliant, second.Record!.Review!.Decision!.Outcome);
        var stored = await _lucene.Index.GetAsync("A", CancellationToken.None);
        Assert.Equal(1, stored!.Review!.Revision);
        Assert.Equal("缺公章", stored.Review.Decision!.Reason);
        var trail = await _lucene.Audit.ListAsync("A", CancellationToken.None);
        var only = Assert.Single(trail);
        Assert.Equal(("wang.li", "reviewer", "non_compliant：缺公章"), (only.Actor, only.Role, only.After));
    }

    [Fact]
    public async Task AuditTrail_SurvivesReindexAndReprocessing()
    {
        await _repository.SaveAsync(Package("s1", ("no_toc", "无目录")), CancellationToken.None);
        await _repository.UpdateReviewAsync("A", Dismiss(s_wang, "no_toc", "无目录", "目录为图片"), CancellationToken.None);

        await _lucene.Index.ReindexAsync(CancellationToken.None);
        Assert.Equal(SaveOutcome.Replaced, await _repository.SaveAsync(Package("s1", ("no_toc", "无目录")), CancellationToken.None));

        var stored = await _lucene.Index.GetAsync("A", CancellationToken.None);
        Assert.Equal(FindingOutcome.Dismissed, Assert.Single(stored!.Review!.Findings).Decision);
        Assert.Equal(ReviewState.Accepted, ReviewRules.StateOf(stored));
        Assert.Equal(["finding.decided"], (await _lucene.Audit.ListAsync("A", CancellationToken.None)).Select(e => e.What));
    }

    [Fact]
    public async Task Resubmission_IsANewVersion_KeepingDecisionsOnFindingsThatStillStand()
    {
        await _repository.SaveAsync(Package("s1", ("first_person", "我们认为"), ("no_toc", "无目录")), CancellationToken.None);
        await _repository.UpdateReviewAsync("A", Dismiss(s_wang, "first_person", "我们认为", "引用原话"), CancellationToken.None);
        await _repository.UpdateReviewAsync("A", Dismiss(s_wang, "no_toc", "无目录", "目录为图片"), CancellationToken.None);
        await _repository.UpdateReviewAsync("A", Decide(s_wang, null, PackageOutcome.Returned, "请补目录"), CancellationToken.None);

        // The corrected package: the TOC finding is fixed, the first-person one still stands (at another paragraph).
        var outcome = await _repository.SaveAsync(Package("s2", ("first_person", "我们认为")), CancellationToken.None);

        Assert.Equal(SaveOutcome.NewVersion, outcome);
        var stored = (await _lucene.Index.GetAsync("A", CancellationToken.None))!;
        Assert.Equal(2, stored.PackageVersion);
        Assert.Equal("first_person", Assert.Single(stored.Review!.Findings).Code);
        Assert.Null(stored.Review.Decision);
        Assert.True(ReviewRules.WaitsForPerson(stored));
        var earlier = Assert.Single(await _lucene.History.ListAsync("A", CancellationToken.None));
        Assert.Equal(("s1", 1, 2), (earlier.PackageSha256, earlier.PackageVersion, earlier.Findings.Count));
        var system = (await _lucene.Audit.ListAsync("A", CancellationToken.None)).Where(e => e.Actor == AuditActors.System).ToList();
        Assert.Equal(["version.new", "finding.cleared", "package.reopened"], system.Select(e => e.What));
        Assert.Equal("no_toc｜无目录", system[1].Subject);
    }
}
