using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;

namespace CaseIngest.Web.Casebook;

/// <summary>The casebook's candidates: the cases an admin marked 入选 after the experts' evaluation, per type, ranked by
/// the experts' total (<see cref="EvaluationRanking"/>), with the dimension means as the reason they rank where they do.</summary>
internal sealed class CandidateRanking(EvaluationRanking evaluation)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Candidate>>> RankAsync(int perType, CancellationToken cancellationToken) =>
        (await evaluation.RankAsync(selectedOnly: true, cancellationToken)).ToDictionary(
            t => t.Type,
            t => (IReadOnlyList<Candidate>)t.Cases.Take(perType).Select(c => From(c, t.Type)).ToList());

    private static Candidate From(EvaluatedCase c, string type) => new(c.Record.SubmissionId, c.Record.Edition, CaseFacts.Title(c.Record),
        c.Record.Form?.Applicant, type, c.Record.Verdict, c.Result!.Total!.Value,
        c.Result.Dimensions.ToDictionary(d => d.Name, d => d.Mean), c.Submitted.Count,
        [.. c.Result.Disputed.Select(p => p.Point)], c.Record.Review?.Shortlist?.Rating);
}

/// <summary>A casebook candidate: its experts' total (0–100), the dimension means, how many experts submitted, the
/// points still disputed, and the editors' shortlist rating if any.</summary>
internal sealed record Candidate(string SubmissionId, int? Edition, string Title, string? Applicant, string Type, Verdict Verdict,
    double Score, IReadOnlyDictionary<string, double?> Dimensions, int Experts, IReadOnlyList<string> Disputed, int? ShortlistRating);
