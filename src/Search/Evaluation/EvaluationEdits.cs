using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;

namespace CaseIngest.Search.Evaluation;

/// <summary>The rules of an <see cref="IEvaluationStore"/> change, as a function of the review as it stands: one piece
/// of logic any backend applies inside its own atomic read-compare-write.</summary>
public static class EvaluationEdits
{
    public static ReviewEditResult Assign(ReviewSection review, IReadOnlyList<string> experts)
    {
        var evaluation = review.Evaluation ??= new EvaluationReview();
        var changes = new List<ReviewChange>();
        foreach (var expert in experts.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.Ordinal))
        {
            if (!evaluation.AssignedTo.Contains(expert, StringComparer.Ordinal))
            {
                evaluation.AssignedTo.Add(expert);
                changes.Add(new ReviewChange(AuditActions.EvaluationAssigned, expert, null, expert));
            }
        }

        return ReviewEditResult.Of(changes);
    }

    public static ReviewEditResult Score(ReviewSection review, string expert, IReadOnlyList<ScoreEdit> edits, DateTimeOffset at)
    {
        if (MayNotWrite(review.Evaluation, expert) is { } refused)
        {
            return refused;
        }

        var scores = review.Evaluation!.Scores;
        var note = (ScoreEdit e) => Clean(e.Note);
        // What the writer changed from what they saw; a cell they left as they saw it is not theirs to write.
        var changed = edits.Where(e => e.Score != e.SeenScore || note(e) != Clean(e.SeenNote))
            .Where(e => Cell(scores, expert, e.Point) is var stored && (stored?.Score != e.Score || Clean(stored?.Note) != note(e)))
            .ToList();
        // Every cell is checked before any is written: a conflict refuses the whole change.
        foreach (var edit in changed)
        {
            var stored = Cell(scores, expert, edit.Point);
            if (stored?.Score != edit.SeenScore || Clean(stored?.Note) != Clean(edit.SeenNote))
            {
                return ReviewEditResult.Conflicted($"二级指标 {edit.Point} 已在别处改为 {Text(stored) ?? "空"}（您看到的是 "
                    + $"{Text(edit.SeenScore, edit.SeenNote) ?? "空"}）：请查看最新内容后再保存。");
            }
        }

        var changes = new List<ReviewChange>();
        foreach (var edit in changed)
        {
            var before = Text(Cell(scores, expert, edit.Point));
            scores.RemoveAll(s => s.Expert == expert && s.Point == edit.Point);
            if (edit.Score is not null || note(edit) is not null)
            {
                scores.Add(new PointScore { Expert = expert, Point = edit.Point, Score = edit.Score, Note = note(edit), At = at });
            }

            changes.Add(new ReviewChange(AuditActions.EvaluationScored, edit.Point, before, Text(edit.Score, note(edit))));
        }

        return ReviewEditResult.Of(changes);
    }

    public static ReviewEditResult Submit(ReviewSection review, string expert, IReadOnlyCollection<string> points)
    {
        if (MayNotWrite(review.Evaluation, expert) is { } refused)
        {
            return refused;
        }

        var evaluation = review.Evaluation!;
        var missing = points.Where(p => Cell(evaluation.Scores, expert, p)?.Score is null).ToList();
        if (missing.Count > 0)
        {
            return ReviewEditResult.Refused($"尚有 {missing.Count} 项二级指标未打分：{string.Join("、", missing)}。");
        }

        evaluation.Submitted.Add(expert);
        return ReviewEditResult.Of(new ReviewChange(AuditActions.EvaluationSubmitted, expert, null, "submitted"));
    }

    /// <summary>An expert's stored cell of a point, or null.</summary>
    public static PointScore? Cell(IEnumerable<PointScore> scores, string expert, string point) =>
        scores.LastOrDefault(s => s.Expert == expert && s.Point == point);

    private static ReviewEditResult? MayNotWrite(EvaluationReview? evaluation, string expert)
    {
        if (evaluation is null || !evaluation.AssignedTo.Contains(expert, StringComparer.Ordinal))
        {
            return ReviewEditResult.Refused("此案例未分配给您评审。");
        }

        return evaluation.Submitted.Contains(expert, StringComparer.Ordinal)
            ? ReviewEditResult.Refused("您已提交此案例的评分表，不能再修改。")
            : null;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string? Text(PointScore? cell) => cell is null ? null : Text(cell.Score, cell.Note);

    private static string? Text(double? score, string? note)
    {
        var value = score?.ToString(CultureInfo.InvariantCulture);
        return Clean(note) is { } n ? $"{value ?? "—"}：{n}" : value;
    }
}
