using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>How well one passage speaks to one point, and the words that made it so.</summary>
internal sealed record PassageScore(ReportPassage Passage, double Score, IReadOnlyList<SignalHit> Hits);

/// <summary>A signal that matched: the words matched, where, and what they weigh.</summary>
internal sealed record SignalHit(string Words, int Index, double Weight, bool InHeading, bool Required);
