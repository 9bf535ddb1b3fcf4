namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>Settings of the rubric coverage plugin (<c>Plugins:RubricCoverage</c>).</summary>
public sealed class RubricCoverageOptions
{
    /// <summary>Rubrics per rule set that replace the embedded ones (the embedded <c>edition-8</c> is DESIGN.md's).</summary>
    public Dictionary<string, Rubric> Rubrics { get; set; } = [];

    /// <summary>The rubric used when the rule set in force has none.</summary>
    public string DefaultRubric { get; set; } = "edition-8";

    /// <summary>How many passages a point keeps as evidence.</summary>
    public int MaxEvidence { get; set; } = 3;

    /// <summary>The longest quote, in characters.</summary>
    public int QuoteLength { get; set; } = 80;
}
