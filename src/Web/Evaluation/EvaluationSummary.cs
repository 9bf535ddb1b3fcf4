using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Evaluation;

/// <summary>One expert's score of one point (submitted sheets only count towards a case's result).</summary>
public sealed record ExpertScore(string Expert, string Point, double Score);

/// <summary>A point across the experts: mean, spread (highest − lowest) and whether two experts differ by more than the gap.</summary>
public sealed record PointResult(string Point, string Name, string Dimension, double? Mean, double? Spread, int Scores, bool Disputed);

/// <summary>A dimension: the mean of its points' means.</summary>
public sealed record DimensionResult(string Dimension, string Name, double Weight, double? Mean);

/// <summary>A case's evaluation: per point and per dimension, and a total on 0–100 (dimension means weighted by the
/// rubric, scaled from the score range).</summary>
public sealed record CaseEvaluationResult(IReadOnlyList<PointResult> Points, IReadOnlyList<DimensionResult> Dimensions, double? Total)
{
    public IEnumerable<PointResult> Disputed => Points.Where(p => p.Disputed);
}

/// <summary>Reads the experts' scores of a case against the rubric its coverage was found with (record.evaluation).</summary>
public static class EvaluationSummary
{
    /// <summary>A case's result from the submitted sheets only (a sheet in progress counts for nothing); null when the
    /// case has no rubric coverage to score against.</summary>
    public static CaseEvaluationResult? OfSubmitted(CaseRecord record, EvaluationOptions options)
    {
        if (record.Evaluation is not { Coverage.Count: > 0 } rubric)
        {
            return null;
        }

        var evaluation = record.Review?.Evaluation ?? new EvaluationReview();
        var scores = evaluation.Scores
            .Where(s => s.Score is not null && evaluation.Submitted.Contains(s.Expert, StringComparer.Ordinal))
            .Select(s => new ExpertScore(s.Expert, s.Point, s.Score!.Value))
            .ToList();
        return Summarize(rubric, scores, options);
    }

    public static CaseEvaluationResult Summarize(EvaluationSection rubric, IReadOnlyList<ExpertScore> scores, EvaluationOptions options)
    {
        var points = rubric.Coverage.Select(p =>
        {
            var given = scores.Where(s => s.Point == p.Key).Select(s => s.Score).ToList();
            var spread = given.Count == 0 ? (double?)null : given.Max() - given.Min();
            return new PointResult(p.Key, p.Value.Name, p.Value.Dimension, given.Count == 0 ? null : Math.Round(given.Average(), 2),
                spread, given.Count, spread > options.DisagreementGap);
        }).ToList();
        var dimensions = rubric.Dimensions.Select(d =>
        {
            var means = points.Where(p => p.Dimension == d.Id && p.Mean is not null).Select(p => p.Mean!.Value).ToList();
            return new DimensionResult(d.Id, d.Name, d.Weight, means.Count == 0 ? null : Math.Round(means.Average(), 2));
        }).ToList();
        double? total = dimensions.Count > 0 && dimensions.All(d => d.Mean is not null)
            ? Math.Round(dimensions.Sum(d => d.Weight * d.Mean!.Value) / options.MaxScore * 100, 1)
            : null;
        return new CaseEvaluationResult(points, dimensions, total);
    }
}
