using System.Text.RegularExpressions;
using CaseIngest.Plugins.RubricCoverage.Scoring;

namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>A signal ready to match.</summary>
/// <param name="Ordinal">Its place among all the rubric's signals, point by point.</param>
/// <param name="Openings">How its matches can open, or null when not known (<see cref="MatchOpenings"/>).</param>
internal sealed record CompiledSignal(Regex Pattern, double Weight, bool Required, int Ordinal, IReadOnlyList<string>? Openings);

/// <summary>A point with its dimension, its threshold and its compiled signals.</summary>
internal sealed record CompiledPoint(RubricPoint Point, RubricDimension Dimension, double Threshold, int MinSignals, IReadOnlyList<CompiledSignal> Signals)
{
    public string Id => Point.Id;

    public bool HasRequiredSignals { get; } = Signals.Any(s => s.Required);

    /// <summary>The character pairs of its name, to tell whether a sub-heading names it.</summary>
    public IReadOnlySet<CharacterPair> NamePairs { get; } = CharacterPairs.Of(Point.Name);
}

/// <summary>A rubric checked and compiled once, shared by every package.</summary>
internal sealed class CompiledRubric
{
    // Patterns come from configuration: a bound on each match keeps a careless one from stalling a worker.
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromSeconds(2);

    private CompiledRubric(Rubric rubric, IReadOnlyList<CompiledPoint> points)
    {
        Rubric = rubric;
        Points = points;
        Sieve = new SignalSieve([.. points.SelectMany(p => p.Signals)]);
    }

    public Rubric Rubric { get; }

    /// <summary>Every point, dimension by dimension, in the rubric's order.</summary>
    public IReadOnlyList<CompiledPoint> Points { get; }

    /// <summary>Which signals a passage can match, from the characters it holds.</summary>
    public SignalSieve Sieve { get; }

    /// <summary>Compiles a rubric, or throws <see cref="InvalidRubricException"/> naming every problem.</summary>
    public static CompiledRubric Compile(Rubric rubric)
    {
        var problems = Problems(rubric).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidRubricException(rubric.Edition, problems);
        }

        var ordinal = 0;
        var points = rubric.Dimensions
            .SelectMany(d => d.Points.Select(p => new CompiledPoint(p, d, p.Threshold ?? rubric.Threshold, p.MinSignals ?? rubric.MinSignals,
                p.Signals.Select(s => Compile(s, ordinal++)).ToList())))
            .ToList();
        return new CompiledRubric(rubric, points);
    }

    private static CompiledSignal Compile(RubricSignal signal, int ordinal)
    {
        var pattern = new Regex(signal.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, s_matchTimeout);
        return new CompiledSignal(pattern, signal.Weight, signal.Required, ordinal, MatchOpenings.Of(pattern));
    }

    /// <summary>What is wrong with a rubric, in words an administrator can act on; empty when it is usable.</summary>
    public static IEnumerable<string> Problems(Rubric rubric)
    {
        if (rubric.Dimensions.Count == 0)
        {
            yield return "no dimensions";
        }

        if (rubric.Threshold <= 0)
        {
            yield return $"threshold {rubric.Threshold} must be above 0";
        }

        if (rubric.OutsideSectionFactor is < 0 or > 1)
        {
            yield return $"outsideSectionFactor {rubric.OutsideSectionFactor} must be within 0–1";
        }

        if (rubric.OtherPointHeadingFactor is < 0 or > 1)
        {
            yield return $"otherPointHeadingFactor {rubric.OtherPointHeadingFactor} must be within 0–1";
        }

        if (rubric.HeadingNamesPoint is <= 0 or > 1 || rubric.HeadingNamesPointMargin is < 0 or > 1)
        {
            yield return $"headingNamesPoint {rubric.HeadingNamesPoint} must be above 0 and at most 1, headingNamesPointMargin {rubric.HeadingNamesPointMargin} within 0–1";
        }

        if (rubric.MinSignals < 1)
        {
            yield return $"minSignals {rubric.MinSignals} must be at least 1";
        }

        var weights = rubric.Dimensions.Sum(d => d.Weight);
        if (rubric.Dimensions.Count > 0 && Math.Abs(weights - 1) > 0.001)
        {
            yield return $"dimension weights add up to {weights}, not 1";
        }

        foreach (var duplicate in rubric.Dimensions.SelectMany(d => d.Points).GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            yield return $"point id {duplicate.Key} appears {duplicate.Count()} times";
        }

        foreach (var dimension in rubric.Dimensions)
        {
            if (string.IsNullOrWhiteSpace(dimension.Id) || string.IsNullOrWhiteSpace(dimension.Name) || dimension.Points.Count == 0)
            {
                yield return $"dimension '{dimension.Id}' needs an id, a name and points";
            }

            foreach (var point in dimension.Points)
            {
                if (string.IsNullOrWhiteSpace(point.Id) || string.IsNullOrWhiteSpace(point.Name) || point.Signals.Count == 0)
                {
                    yield return $"point '{point.Id}' needs an id, a name and signals";
                }

                foreach (var signal in point.Signals)
                {
                    if (signal.Weight <= 0)
                    {
                        yield return $"point {point.Id}: signal '{signal.Pattern}' has weight {signal.Weight}, not above 0";
                    }

                    var error = PatternError(signal.Pattern);
                    if (error is not null)
                    {
                        yield return $"point {point.Id}: signal '{signal.Pattern}' is not a valid pattern: {error}";
                    }
                }
            }
        }
    }

    private static string? PatternError(string pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return "empty";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

/// <summary>A rubric that cannot be used, with every problem found.</summary>
public sealed class InvalidRubricException(string edition, IReadOnlyList<string> problems)
    : Exception($"Rubric '{edition}' is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
