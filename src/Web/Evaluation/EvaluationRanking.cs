using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Evaluation;

/// <summary>The experts' results across cases: each compliant case's evaluation from the submitted sheets, and the
/// ranking per type by its total (the casebook's candidates are the selected ones of it).</summary>
internal sealed class EvaluationRanking(VisibleCases visible, IOptions<EvaluationOptions> options)
{
    /// <summary>Every case given to experts, with its evaluation so far (a case page of the results).</summary>
    public async Task<IReadOnlyList<EvaluatedCase>> ListAsync(CancellationToken cancellationToken)
    {
        var cases = new List<EvaluatedCase>();
        await foreach (var record in visible.ReadAllAsync(cancellationToken))
        {
            if (record.Review?.Evaluation is { AssignedTo.Count: > 0 })
            {
                cases.Add(EvaluatedCase.Of(record, options.Value));
            }
        }

        return [.. cases.OrderBy(c => c.Record.SubmissionId, StringComparer.Ordinal)];
    }

    /// <summary>Per type (in the notice's order), the cases with a total, best first; only the selected ones when asked.</summary>
    public async Task<IReadOnlyList<TypeRanking>> RankAsync(bool selectedOnly, CancellationToken cancellationToken) =>
    [
        .. (await ListAsync(cancellationToken))
            .Where(c => c.Result?.Total is not null && (!selectedOnly || c.Selected))
            .GroupBy(c => c.Type ?? "未定类型")
            .OrderBy(g => OrderOf(g.Key))
            .Select(g => new TypeRanking(g.Key, [.. g.OrderByDescending(c => c.Result!.Total).ThenBy(c => c.Record.SubmissionId, StringComparer.Ordinal)])),
    ];

    /// <summary>The case after <paramref name="after"/> in the ranking (type by type, best first), for 入选 and next; the
    /// first ranked case when <paramref name="after"/> is not ranked; null after the last.</summary>
    public async Task<string?> NextAfterAsync(string after, CancellationToken cancellationToken)
    {
        var order = (await RankAsync(selectedOnly: false, cancellationToken)).SelectMany(t => t.Cases).Select(c => c.Record.SubmissionId).ToList();
        var at = order.IndexOf(after);
        return at + 1 < order.Count ? order[at + 1] : null;
    }

    private static int OrderOf(string type)
    {
        var index = CaseTypes.All.ToList().IndexOf(type);
        return index < 0 ? int.MaxValue : index;
    }
}

/// <summary>A case as the evaluation stands: its record, effective type, the result of the submitted sheets (null
/// without a rubric), who has it and who has submitted.</summary>
internal sealed record EvaluatedCase(CaseRecord Record, string? Type, CaseEvaluationResult? Result, IReadOnlyList<string> AssignedTo,
    IReadOnlyList<string> Submitted, bool Selected)
{
    public static EvaluatedCase Of(CaseRecord record, EvaluationOptions options)
    {
        var evaluation = record.Review?.Evaluation ?? new EvaluationReview();
        return new EvaluatedCase(record, CaseFacts.EffectiveType(record), EvaluationSummary.OfSubmitted(record, options),
            evaluation.AssignedTo, evaluation.Submitted, record.Review?.Selected is not null);
    }
}

/// <summary>One type's cases, best total first.</summary>
internal sealed record TypeRanking(string Type, IReadOnlyList<EvaluatedCase> Cases);
