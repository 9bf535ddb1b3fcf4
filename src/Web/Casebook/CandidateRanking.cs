using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;

namespace CaseIngest.Web.Casebook;

/// <summary>Ranks compliant cases per type for the casebook: a confident type, strong figures in 绩效表现, and a clean
/// verdict. Each part of the score is returned so editors can see why a case ranks where it does.</summary>
internal sealed class CandidateRanking(VisibleCases index)
{
    // Forty distinct quantified results in 绩效表现 (≤ 1000 字) make a full score: the sample cases carry 25–40, so
    // the part still separates them instead of saturating.
    public const int FiguresForFullScore = 40;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Candidate>>> RankAsync(int perType, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        await foreach (var record in index.ReadAllAsync(cancellationToken))
        {
            if (record.Verdict is Verdict.Accepted or Verdict.NeedsReview && CaseFacts.EffectiveType(record) is { } type)
            {
                candidates.Add(Score(record, type));
            }
        }

        return candidates
            .GroupBy(c => c.Type)
            .OrderBy(g => IndexOfType(g.Key))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Candidate>)g
                .OrderByDescending(c => c.Score).ThenBy(c => c.SubmissionId, StringComparer.Ordinal).Take(perType).ToList());
    }

    internal static Candidate Score(CaseRecord record, string type)
    {
        var confidence = CaseFacts.TypeConfidence(record);
        var figures = CaseFacts.QuantifiedResults(CaseFacts.PerformanceSection(record));
        var figureScore = Math.Min(1.0, figures.Count / (double)FiguresForFullScore);
        var verdictScore = record.Verdict == Verdict.Accepted ? 1.0 : 0.5;
        var score = Math.Round((0.4 * confidence) + (0.4 * figureScore) + (0.2 * verdictScore), 3);
        return new Candidate(record.SubmissionId, record.Edition, CaseFacts.Title(record), record.Form?.Applicant, type,
            record.Verdict, score, Math.Round(confidence, 3), figures.Take(5).ToList(), figures.Count,
            record.Review?.Shortlist?.Rating);
    }

    private static int IndexOfType(string type)
    {
        var index = CaseTypes.All.ToList().IndexOf(type);
        return index < 0 ? int.MaxValue : index;
    }
}

/// <summary>A casebook candidate with the parts of its score.</summary>
internal sealed record Candidate(string SubmissionId, int? Edition, string Title, string? Applicant, string Type, Verdict Verdict,
    double Score, double TypeConfidence, IReadOnlyList<string> SampleFigures, int FigureCount, int? ShortlistRating);
