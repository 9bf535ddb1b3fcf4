namespace CaseIngest.Search.Evaluation;

/// <summary>The evaluation kept on the record's review through <see cref="ICaseRepository.UpdateReviewAsync"/>: it makes
/// each read-compare-write atomic, appends the audit events, and the review survives reprocessing and reindex as
/// decisions do.</summary>
public sealed class RepositoryEvaluationStore(ICaseRepository repository, TimeProvider clock) : IEvaluationStore
{
    public Task<ReviewUpdate> AssignAsync(string submissionId, IReadOnlyList<string> experts, ReviewActor actor, CancellationToken cancellationToken) =>
        repository.UpdateReviewAsync(submissionId, new ReviewEdit(actor, null, record => EvaluationEdits.Assign(record.Review!, experts)), cancellationToken);

    public Task<ReviewUpdate> SaveScoresAsync(string submissionId, ReviewActor expert, IReadOnlyList<ScoreEdit> edits, CancellationToken cancellationToken) =>
        repository.UpdateReviewAsync(submissionId,
            new ReviewEdit(expert, null, record => EvaluationEdits.Score(record.Review!, expert.Name, edits, clock.GetUtcNow())), cancellationToken);

    public Task<ReviewUpdate> SubmitAsync(string submissionId, ReviewActor expert, IReadOnlyCollection<string> points, CancellationToken cancellationToken) =>
        repository.UpdateReviewAsync(submissionId, new ReviewEdit(expert, null, record => EvaluationEdits.Submit(record.Review!, expert.Name, points)), cancellationToken);
}
