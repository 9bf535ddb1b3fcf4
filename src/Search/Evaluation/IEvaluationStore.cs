namespace CaseIngest.Search.Evaluation;

/// <summary>The experts' evaluation of a case as people write it (<c>review.evaluation</c>: who it is assigned to, each
/// expert's score and note per 二级指标, whose sheets are submitted), kept like every review change: audited, surviving
/// reprocessing and reindex, and never silently overwritten. The embedded default is <see cref="RepositoryEvaluationStore"/>
/// (through <see cref="ICaseRepository.UpdateReviewAsync"/>); another backend registers its own before
/// <c>AddCaseIngestSearch</c> and must pass the same behaviour suite (tests/CaseIngest.Search.Tests/Evaluation).</summary>
/// <remarks>Concurrency is per cell, optimistic: each edit names the score and note the writer saw. A cell the writer
/// left as they saw it is not written (a whole sheet can be posted); a cell they changed whose stored value moved on
/// since (the same expert in another tab) refuses the whole change as a conflict. Two experts never write the same
/// cell, so their saves never conflict and neither is lost.</remarks>
public interface IEvaluationStore
{
    /// <summary>Adds experts to a case's assignment (those already assigned stay; nobody is removed).</summary>
    Task<ReviewUpdate> AssignAsync(string submissionId, IReadOnlyList<string> experts, ReviewActor actor, CancellationToken cancellationToken);

    /// <summary>Saves the acting expert's scores and notes: <see cref="ReviewUpdateStatus.Invalid"/> when the case is not
    /// assigned to them or their sheet is submitted; <see cref="ReviewUpdateStatus.Conflict"/> when a cell moved on since
    /// they saw it; <see cref="ReviewUpdateStatus.Unchanged"/> when nothing differs from what is stored.</summary>
    Task<ReviewUpdate> SaveScoresAsync(string submissionId, ReviewActor expert, IReadOnlyList<ScoreEdit> edits, CancellationToken cancellationToken);

    /// <summary>Submits the acting expert's sheet: <see cref="ReviewUpdateStatus.Invalid"/> while one of
    /// <paramref name="points"/> has no score (the error names them). A submitted sheet can no longer change.</summary>
    Task<ReviewUpdate> SubmitAsync(string submissionId, ReviewActor expert, IReadOnlyCollection<string> points, CancellationToken cancellationToken);
}

/// <summary>An expert's new score and note of one point, and the score and note they saw before (null: none), which must
/// still be what is stored.</summary>
public sealed record ScoreEdit(string Point, double? Score, string? Note, double? SeenScore, string? SeenNote);
