using System.Text.Json;
using System.Text.Json.Serialization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Evaluation;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Mapping;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>The experts' evaluation in Elasticsearch (<c>Search:Provider=Elasticsearch</c>): the index
/// <c>{Alias}-evaluation</c> of its own, one document per case holding its evaluation as people wrote it, never touched by
/// <c>reindex</c>. Every machine writes through that document with <c>if_seq_no</c>/<c>if_primary_term</c>: when another
/// process saved the case in between, the change is applied again to what now stands (two experts both land; the same
/// expert's cell that moved on becomes a conflict, as <see cref="EvaluationEdits"/> decides). The case record's
/// <c>review.evaluation</c> is then brought to the stored document through <see cref="ICaseRepository"/>, which audits the
/// change and keeps it through reprocessing; pages read that copy.</summary>
/// <remarks>Within a process, one case's changes run one at a time, so the record's copy never goes back to an older
/// document. Across processes, the copy is the document read right after this process's write: it can only lag when
/// another machine's whole write and copy fall between this one's read and its copy, and the next change of the case
/// repairs it; the document itself never loses a cell.</remarks>
public sealed class ElasticsearchEvaluationStore(ElasticsearchConnection connection, ISearchIndex cases, ICaseRepository repository,
    IOptions<SearchOptions> options, TimeProvider clock) : IEvaluationStore, IDisposable
{
    private const int MaxAttempts = 100;
    private const int Stripes = 64;

    private readonly ElasticsearchOwnIndex _index = new(connection, options.Value.Elasticsearch.Alias + "-evaluation", EvaluationSource.Mappings());
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public string Index => _index.Name;

    public Task<ReviewUpdate> AssignAsync(string submissionId, IReadOnlyList<string> experts, ReviewActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(submissionId, actor, review => EvaluationEdits.Assign(review, experts), cancellationToken);

    public Task<ReviewUpdate> SaveScoresAsync(string submissionId, ReviewActor expert, IReadOnlyList<ScoreEdit> edits, CancellationToken cancellationToken) =>
        ChangeAsync(submissionId, expert, review => EvaluationEdits.Score(review, expert.Name, edits, clock.GetUtcNow()), cancellationToken);

    public Task<ReviewUpdate> SubmitAsync(string submissionId, ReviewActor expert, IReadOnlyCollection<string> points, CancellationToken cancellationToken) =>
        ChangeAsync(submissionId, expert, review => EvaluationEdits.Submit(review, expert.Name, points), cancellationToken);

    public void Dispose()
    {
        _index.Dispose();
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private async Task<ReviewUpdate> ChangeAsync(string submissionId, ReviewActor actor, Func<ReviewSection, ReviewEditResult> edit,
        CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(submissionId) % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var record = await cases.GetAsync(submissionId, cancellationToken);
            if (record is null)
            {
                return ReviewUpdate.NotFound;
            }

            await _index.EnsureAsync(cancellationToken);
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var stored = await ReadAsync(submissionId, cancellationToken);
                // Before the case's first change here, its evaluation is what the record holds (written by another store).
                var review = new ReviewSection { Evaluation = stored.Found ? stored.Source!.Read() : Copy(record.Review?.Evaluation) };
                var result = edit(review);
                if (result.Error is { } error)
                {
                    return result.IsConflict
                        ? new ReviewUpdate(ReviewUpdateStatus.Conflict, await cases.GetAsync(submissionId, cancellationToken), error)
                        : new ReviewUpdate(ReviewUpdateStatus.Invalid, null, error);
                }

                if (result.Changes.Count == 0)
                {
                    return new ReviewUpdate(ReviewUpdateStatus.Unchanged, record);
                }

                var source = EvaluationSource.Of(submissionId, review.Evaluation!, clock.GetUtcNow());
                if (!await _index.WriteIfUnchangedAsync(submissionId, source, stored, "write the evaluation", cancellationToken))
                {
                    continue;
                }

                // The copy the pages read: the document as it stands now, with this change's audit events.
                var now = (await ReadAsync(submissionId, cancellationToken)).Source!.Read();
                return await repository.UpdateReviewAsync(submissionId, new ReviewEdit(actor, null, current =>
                {
                    current.Review!.Evaluation = now;
                    return ReviewEditResult.Of(result.Changes);
                }), cancellationToken);
            }

            throw new InvalidOperationException($"The evaluation of {submissionId} in {Index} kept changing under {MaxAttempts} attempts");
        }
        finally
        {
            stripe.Release();
        }
    }

    private Task<GetResponse<EvaluationSource>> ReadAsync(string submissionId, CancellationToken cancellationToken) =>
        _index.ReadAsync<EvaluationSource>(submissionId, "read the evaluation", cancellationToken);

    private static EvaluationReview? Copy(EvaluationReview? evaluation) =>
        evaluation is null ? null : JsonSerializer.SerializeToElement(evaluation, CaseRecordJson.Options).Deserialize<EvaluationReview>(CaseRecordJson.Options);

    /// <summary>A case's evaluation document: the evaluation whole, as the record spells it (not indexed).</summary>
    internal sealed class EvaluationSource
    {
        [JsonPropertyName("submissionId")]
        public string SubmissionId { get; init; } = "";

        [JsonPropertyName("updatedAt")]
        public DateTimeOffset UpdatedAt { get; init; }

        [JsonPropertyName("evaluation")]
        public JsonElement Evaluation { get; init; }

        public static EvaluationSource Of(string submissionId, EvaluationReview evaluation, DateTimeOffset at) => new()
        {
            SubmissionId = submissionId,
            UpdatedAt = at,
            Evaluation = JsonSerializer.SerializeToElement(evaluation, CaseRecordJson.Options),
        };

        public EvaluationReview Read() =>
            Evaluation.Deserialize<EvaluationReview>(CaseRecordJson.Options) ?? throw new JsonException($"The evaluation of {SubmissionId} was null");

        public static TypeMapping Mappings() => new()
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                { "submissionId", new KeywordProperty() },
                { "updatedAt", new DateProperty() },
                { "evaluation", new ObjectProperty { Enabled = false } },
            },
        };
    }
}
