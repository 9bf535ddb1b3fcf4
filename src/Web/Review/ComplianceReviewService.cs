using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Review;

/// <summary>The decisions of the 合规性审查 (DESIGN.md, "Review"): per finding upheld or dismissed, per package
/// compliant / non_compliant / returned, reopening by an admin, and "accept the machine's verdict". Every change is one
/// audited edit through the repository, refused as a conflict when the person saw an older revision.</summary>
internal sealed class ComplianceReviewService(CaseReviewService reviews, TimeProvider clock, IOptions<ReviewOptions> options)
{
    public const int MaxReasonLength = 1000;

    /// <summary>Decisions on several findings and, optionally, the package, as one change (the case page's form).</summary>
    public Task<ReviewOutcome> DecideAsync(string submissionId, IReadOnlyList<FindingDecisionInput> findings, PackageDecisionInput? package,
        ClaimsPrincipal user, long? expectedRevision, CancellationToken cancellationToken)
    {
        if (findings.Concat<object?>([package]).OfType<IHasReason>().FirstOrDefault(i => i.Reason?.Length > MaxReasonLength) is not null)
        {
            return Task.FromResult(ReviewOutcome.Invalid($"理由最多 {MaxReasonLength} 字。"));
        }

        var at = clock.GetUtcNow();
        var name = user.Identity?.Name;
        var isAdmin = user.IsInRole(Roles.Admin);
        return reviews.UpdateAsync(submissionId, user, expectedRevision, record =>
        {
            var review = record.Review!;
            var changes = new List<ReviewChange>();
            if (package is not null && review.Decision is not null && !isAdmin)
            {
                return ReviewEditResult.Refused("此案例已有结论：如需改变，请管理员重新打开。");
            }

            foreach (var input in findings)
            {
                var finding = record.Findings.FirstOrDefault(f => ReviewRules.SameFinding(input.Code, input.Evidence, f));
                if (finding is null)
                {
                    return ReviewEditResult.Refused($"此案例没有问题“{input.Code}”（证据“{input.Evidence}”）：可能已重新处理，请刷新。");
                }

                if (input.Decision == FindingOutcome.Dismissed && !ReviewRules.CanBeDismissed(finding.Code))
                {
                    return ReviewEditResult.Refused($"“{finding.Code}”是系统处理失败，不能驳回：请重新处理或要求重新提交申报包。");
                }

                if (input.Decision == FindingOutcome.Dismissed && string.IsNullOrWhiteSpace(input.Reason))
                {
                    return ReviewEditResult.Refused($"驳回问题“{finding.Message}”须写明理由。");
                }

                var current = ReviewRules.DecisionFor(finding, review);
                var reason = Clean(input.Reason);
                if (current is not null && current.Decision == input.Decision && current.Reason == reason)
                {
                    continue;
                }

                var decision = new FindingDecision
                {
                    Code = finding.Code, Evidence = finding.Evidence, Location = finding.Location, Decision = input.Decision,
                    Reason = reason, By = name, At = at,
                };
                review.Findings.RemoveAll(d => ReviewRules.SameFinding(d.Code, d.Evidence, finding));
                review.Findings.Add(decision);
                changes.Add(new ReviewChange(AuditActions.FindingDecided, AuditValues.Finding(finding.Code, finding.Evidence),
                    AuditValues.Of(current), AuditValues.Of(decision)));
            }

            if (package is not null)
            {
                if (package.Outcome != PackageOutcome.Compliant && string.IsNullOrWhiteSpace(package.Reason))
                {
                    return ReviewEditResult.Refused("不合规或退回补正须写明理由。");
                }

                if (package.Outcome == PackageOutcome.Returned && at >= options.Value.CallClosesAt)
                {
                    return ReviewEditResult.Refused("征集已截止，不能再退回补正：不合规的案例直接淘汰。");
                }

                if (ReviewRules.EffectiveVerdict(record) == Verdict.Failed && package.Outcome == PackageOutcome.Compliant)
                {
                    return ReviewEditResult.Refused("系统未能完成检查（处理失败），不能判为合规：请重新处理或退回。");
                }

                changes.AddRange(UpholdStandingErrors(record, package.Outcome, name, at));
                var before = review.Decision;
                var after = new PackageDecision { Outcome = package.Outcome, Reason = Clean(package.Reason), By = name, At = at };
                if (before is null || before.Outcome != after.Outcome || before.Reason != after.Reason)
                {
                    review.Decision = after;
                    changes.Add(new ReviewChange(AuditActions.PackageDecided, null, AuditValues.Of(before), AuditValues.Of(after)));
                }
            }

            return ReviewEditResult.Of(changes);
        }, cancellationToken);
    }

    /// <summary>An admin takes a package's decision back: it waits for a person again (its finding decisions stay).</summary>
    public Task<ReviewOutcome> ReopenAsync(string submissionId, string? reason, ClaimsPrincipal user, long? expectedRevision,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(ReviewOutcome.Invalid("重新打开须写明理由。"));
        }

        return reviews.UpdateAsync(submissionId, user, expectedRevision, record =>
        {
            var review = record.Review!;
            if (review.Decision is not { } decision)
            {
                return ReviewEditResult.Refused("此案例尚无结论，无需重新打开。");
            }

            review.Decision = null;
            return ReviewEditResult.Of(new ReviewChange(AuditActions.PackageReopened, null, AuditValues.Of(decision), "reopened：" + Clean(reason)));
        }, cancellationToken);
    }

    /// <summary>"Accept the machine's verdict" for one case: accepted → compliant; rejected → non_compliant with its standing
    /// errors upheld. Anything else (needs_review, failed, decided) is left for a person: <see cref="ReviewOutcome"/> says why.</summary>
    public Task<ReviewOutcome> AcceptMachineVerdictAsync(string submissionId, ClaimsPrincipal user, long? expectedRevision,
        CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var name = user.Identity?.Name;
        return reviews.UpdateAsync(submissionId, user, expectedRevision, record =>
        {
            var review = record.Review!;
            if (review.Decision is not null)
            {
                return ReviewEditResult.Refused("已有结论。");
            }

            var decision = ReviewRules.StateOf(record) switch
            {
                ReviewState.Accepted => new PackageDecision { Outcome = PackageOutcome.Compliant, Reason = "采纳系统结论：通过", By = name, At = at },
                ReviewState.Rejected => new PackageDecision
                {
                    Outcome = PackageOutcome.NonCompliant,
                    Reason = "采纳系统结论：" + string.Join("；", ReviewRules.StandingFindings(record).Where(f => f.Severity == Severity.Error).Select(f => f.Message)),
                    By = name,
                    At = at,
                },
                _ => null,
            };
            if (decision is null)
            {
                return ReviewEditResult.Refused("需人工复核或处理失败的案例须由人决定。");
            }

            var changes = UpholdStandingErrors(record, decision.Outcome, name, at);
            review.Decision = decision;
            changes.Add(new ReviewChange(AuditActions.PackageDecided, null, null, AuditValues.Of(decision)));
            return ReviewEditResult.Of(changes);
        }, cancellationToken);
    }

    /// <summary>Deciding against a package upholds each standing error no person has decided on: the notice and the lists
    /// name what was upheld.</summary>
    private static List<ReviewChange> UpholdStandingErrors(CaseRecord record, PackageOutcome outcome, string? by, DateTimeOffset at)
    {
        var changes = new List<ReviewChange>();
        if (outcome == PackageOutcome.Compliant)
        {
            return changes;
        }

        var review = record.Review!;
        foreach (var finding in ReviewRules.StandingFindings(record).Where(f => f.Severity == Severity.Error && ReviewRules.DecisionFor(f, review) is null))
        {
            var upheld = new FindingDecision
            {
                Code = finding.Code, Evidence = finding.Evidence, Location = finding.Location, Decision = FindingOutcome.Upheld, By = by, At = at,
            };
            review.Findings.Add(upheld);
            changes.Add(new ReviewChange(AuditActions.FindingDecided, AuditValues.Finding(finding.Code, finding.Evidence), null, AuditValues.Of(upheld)));
        }

        return changes;
    }

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}

/// <summary>Something a person writes a reason for.</summary>
internal interface IHasReason
{
    string? Reason { get; }
}

/// <summary>A person's decision on the finding (code, evidence) of a case.</summary>
internal sealed record FindingDecisionInput(string Code, string? Evidence, FindingOutcome Decision, string? Reason) : IHasReason;

/// <summary>A person's decision on a package.</summary>
internal sealed record PackageDecisionInput(PackageOutcome Outcome, string? Reason) : IHasReason;
