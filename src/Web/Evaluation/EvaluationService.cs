using System.Globalization;
using System.Security.Claims;
using CaseIngest.Search;
using CaseIngest.Search.Evaluation;
using CaseIngest.Web.Cases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Evaluation;

/// <summary>What people do in the evaluation: an admin assigns the compliant cases to experts; an expert saves scores
/// and notes and submits the sheet. Validated here, kept by <see cref="IEvaluationStore"/>.</summary>
internal sealed class EvaluationService(IEvaluationStore store, ISearchIndex index, VisibleCases visible, ExpertDirectory experts,
    IOptions<EvaluationOptions> options, ILogger<EvaluationService> logger)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Gives every compliant case to <see cref="EvaluationOptions.ExpertsPerCase"/> experts (keeping those
    /// already given), balanced, never to an expert of the case's own applicant or recommender.</summary>
    public async Task<AssignmentOutcome> AssignCompliantAsync(ClaimsPrincipal admin, CancellationToken cancellationToken)
    {
        var cases = new List<CaseToAssign>();
        await foreach (var record in index.ReadAllAsync(cancellationToken))
        {
            if (ExpertAssignment.IsCompliant(record))
            {
                cases.Add(CaseToAssign.Of(record));
            }
        }

        var plan = ExpertAssignment.Plan(cases, experts.All, options.Value.ExpertsPerCase);
        var actor = CaseReviewService.ActorOf(admin);
        foreach (var (id, names) in plan.Added)
        {
            await store.AssignAsync(id, names, actor, cancellationToken);
        }

        var assignments = plan.Added.Values.Sum(n => n.Count);
        logger.CasesAssigned(plan.Added.Count, assignments, plan.ShortBy.Count);
        return new AssignmentOutcome(cases.Count, plan.Added.Count, assignments, plan.ShortBy);
    }

    /// <summary>Saves the signed-in expert's scores and notes of a case they may see.</summary>
    public async Task<ReviewOutcome> SaveAsync(string submissionId, IReadOnlyList<ScoreEdit> edits, ClaimsPrincipal expert,
        CancellationToken cancellationToken)
    {
        var record = await visible.GetAsync(submissionId, cancellationToken);
        if (record?.Evaluation is not { } rubric)
        {
            return record is null ? ReviewOutcome.NotFound : ReviewOutcome.Invalid("此案例没有二级指标覆盖分析，无法评分。");
        }

        foreach (var edit in edits)
        {
            if (!rubric.Coverage.ContainsKey(edit.Point))
            {
                return ReviewOutcome.Invalid($"“{edit.Point}”不是本案例评价标准的二级指标。");
            }

            if (edit.Score is { } score && (score < 0 || score > options.Value.MaxScore || double.IsNaN(score)))
            {
                return ReviewOutcome.Invalid($"二级指标 {edit.Point} 的评价须在 0–{options.Value.MaxScore} 之间，收到 {score.ToString(CultureInfo.InvariantCulture)}。");
            }

            if (edit.Note?.Length > MaxNoteLength)
            {
                return ReviewOutcome.Invalid($"二级指标 {edit.Point} 的意见最多 {MaxNoteLength} 字。");
            }
        }

        return ReviewOutcome.From(await store.SaveScoresAsync(submissionId, CaseReviewService.ActorOf(expert), edits, cancellationToken));
    }

    /// <summary>Submits the signed-in expert's sheet once every point of the case's rubric has a score.</summary>
    public async Task<ReviewOutcome> SubmitAsync(string submissionId, ClaimsPrincipal expert, CancellationToken cancellationToken)
    {
        var record = await visible.GetAsync(submissionId, cancellationToken);
        if (record?.Evaluation is not { } rubric)
        {
            return record is null ? ReviewOutcome.NotFound : ReviewOutcome.Invalid("此案例没有二级指标覆盖分析，无法评分。");
        }

        return ReviewOutcome.From(await store.SubmitAsync(submissionId, CaseReviewService.ActorOf(expert), rubric.Coverage.Keys, cancellationToken));
    }
}

/// <summary>What an assignment run did: compliant cases seen, cases given experts, assignments made, and the cases
/// still short of experts (by how many) because too few are free of a conflict of unit.</summary>
internal sealed record AssignmentOutcome(int Compliant, int Cases, int Assignments, IReadOnlyDictionary<string, int> ShortBy);
