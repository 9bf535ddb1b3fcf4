using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Tests.Support;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using static CaseIngest.Editions.Tests.Support.EditionRecords;

namespace CaseIngest.Editions.Tests.Stage;

/// <summary>A person's decision on an edition finding that stops holding is not left dangling on the record, nor lost:
/// the stage clears it with a <c>finding.cleared</c> audit event that keeps the decision and its reason in the trail.</summary>
public sealed class EditionDecisionTests
{
    private const string Reason = "推荐单位已报名额调整函";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AnOverQuotaFindingFreedByAWithdrawal_ClearsItsDecision_AndTheTrailKeepsIt()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 11).Select(i => Make($"D{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();
        var finding = await DismissOverQuotaAsync(host, "D11");

        await host.Repository.UpdateManyAsync(["D03"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(1) }; return RecordUpdate.Written; }, None);
        await host.CheckAsync();

        await AssertClearedAsync(host, "D11", finding, expectedRevision: 2);
    }

    [Fact]
    public async Task AResubmissionUnderAnotherUnit_ClearsTheDecisionCarriedForTheStage_AndTheTrailKeepsIt()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 11).Select(i => Make($"D{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();
        var finding = await DismissOverQuotaAsync(host, "D11");

        // The repository keeps the decision for the stage to confirm; under 广西 the finding does not hold.
        Assert.Equal(SaveOutcome.NewVersion, await host.Repository.SaveAsync(Make("D11", "广西壮族自治区企业联合会", July1.AddDays(1)), None));
        Assert.Single((await host.GetAsync("D11")).Review!.Findings);
        await host.CheckAsync();

        await AssertClearedAsync(host, "D11", finding, expectedRevision: 3);
    }

    [Fact]
    public async Task AFindingThatStillHolds_KeepsItsDecision_AndNoEventIsWritten()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 12).Select(i => Make($"D{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();
        var finding = await DismissOverQuotaAsync(host, "D11");

        // D12, submitted after D11, withdrawn: D11 keeps its place, its finding and the decision on it.
        await host.Repository.UpdateManyAsync(["D12"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(1) }; return RecordUpdate.Written; }, None);
        var result = await host.CheckAsync();

        Assert.Equal(["D12"], result.Written);
        var record = await host.GetAsync("D11");
        Assert.True(ReviewRules.IsDismissed(record.Findings.Single(f => ReviewRules.SameFinding(finding.Code, finding.Evidence, f)), record.Review));
        Assert.DoesNotContain(await host.Get<IAuditStore>().ListAsync("D11", None), e => e.What == AuditActions.FindingCleared);
    }

    private static async Task<Finding> DismissOverQuotaAsync(EditionTestHost host, string id)
    {
        var over = (await host.GetAsync(id)).Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota);
        var actor = new ReviewActor("wang.li", "reviewer");
        var decided = await host.Repository.UpdateReviewAsync(id, new ReviewEdit(actor, null, record =>
        {
            record.Review!.Findings.Add(new FindingDecision
            {
                Code = over.Code, Evidence = over.Evidence, Decision = FindingOutcome.Dismissed, Reason = Reason, By = actor.Name,
            });
            return ReviewEditResult.Of(new ReviewChange(AuditActions.FindingDecided, AuditValues.Finding(over.Code, over.Evidence), null, "dismissed"));
        }), None);
        Assert.Equal(ReviewUpdateStatus.Saved, decided.Status);
        return over;
    }

    private static async Task AssertClearedAsync(EditionTestHost host, string id, Finding finding, long expectedRevision)
    {
        var record = await host.GetAsync(id);
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.RecommenderOverQuota);
        Assert.Empty(record.Review!.Findings);
        Assert.Equal(expectedRevision, record.Review.Revision);
        var events = await host.Get<IAuditStore>().ListAsync(id, None);
        var cleared = events[^1];
        Assert.Equal(AuditActions.FindingCleared, cleared.What);
        Assert.Equal(AuditActors.System, cleared.Actor);
        Assert.Equal(AuditValues.Finding(finding.Code, finding.Evidence), cleared.Subject);
        Assert.Equal("dismissed：" + Reason, cleared.Before);
        Assert.Null(cleared.After);
        Assert.Equal(expectedRevision, cleared.Revision);
    }
}
