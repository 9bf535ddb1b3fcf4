using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Figures;
using CaseIngest.Plugins.RubricCoverage.Reading;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>Finds, for every point of a rubric, whether the report covers it and the passages that do.</summary>
internal sealed class CoverageAnalyzer(IOptions<RubricCoverageOptions> options)
{
    private const int MaxFigures = 12;

    public EvaluationSection Analyze(ReportSection report, CompiledRubric rubric)
    {
        var settings = options.Value;
        var passages = ReportPassages.Read(report, rubric.Rubric);
        var candidates = rubric.Sieve.Sift(passages);
        var placement = new PlacementWeight(rubric);
        var evaluation = new EvaluationSection
        {
            Rubric = rubric.Rubric.Edition,
            Dimensions = rubric.Rubric.Dimensions.Select(d => new RubricDimensionInfo { Id = d.Id, Name = d.Name, Weight = d.Weight }).ToList(),
        };
        foreach (var point in rubric.Points)
        {
            // At least one: the best passage's score decides whether the point is covered.
            var ranked = PointScorer.Rank(point, passages, candidates, placement, Math.Max(settings.MaxEvidence, 1));
            var best = ranked.Count == 0 ? 0 : ranked[0].Score;
            var coverage = new PointCoverage
            {
                Dimension = point.Dimension.Id,
                Name = point.Point.Name,
                Score = Math.Round(best, 2),
                Threshold = point.Threshold,
                Covered = best >= point.Threshold,
                Evidence = ranked.Take(settings.MaxEvidence).Select(s => new CoverageEvidence
                {
                    Section = s.Passage.Section,
                    Paragraph = s.Passage.Paragraph,
                    Quote = EvidenceQuote.For(s, settings.QuoteLength),
                    Score = Math.Round(s.Score, 2),
                    Signals = s.Hits.Select(h => h.Words).ToList(),
                }).ToList(),
            };
            if (point.Id == rubric.Rubric.FiguresPoint)
            {
                coverage.Figures = BeforeAfterReader.Read(passages.Where(p => p.Dimension == point.Dimension.Id).Concat(passages.Where(p => p.Dimension != point.Dimension.Id)), MaxFigures);
            }

            evaluation.Coverage[point.Id] = coverage;
        }

        return evaluation;
    }

    /// <summary>The best passage's score per point, for learning and measuring thresholds.</summary>
    public static IReadOnlyDictionary<string, double> BestScores(ReportSection report, CompiledRubric rubric)
    {
        var passages = ReportPassages.Read(report, rubric.Rubric);
        var candidates = rubric.Sieve.Sift(passages);
        var placement = new PlacementWeight(rubric);
        return rubric.Points.ToDictionary(p => p.Id, p => PointScorer.BestScore(p, passages, candidates, placement));
    }
}
