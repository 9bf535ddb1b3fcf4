using System.ComponentModel.DataAnnotations;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Pipeline;

/// <summary>The <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>The rule-set version stamped on records and findings.</summary>
    [Required]
    public string RuleSet { get; set; } = "edition-8";

    /// <summary>Packages processed at once by <c>ingest</c>.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 2;

    /// <summary>Finding code → severity, where this installation weighs a rule differently from the catalogue
    /// (<see cref="FindingSeverities"/>). The only place severities are configured.</summary>
    public Dictionary<string, Severity> SeverityOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where packages are extracted while processed (a folder per package, deleted afterwards).</summary>
    public string WorkPath { get; set; } = Path.Combine(Path.GetTempPath(), "caseingest-work");

    /// <summary>The program run for <c>Isolation=process</c> steps: a .dll (run with dotnet) or an executable that
    /// understands <c>run-plugin REQUEST</c>. Default: this process's own entry point.</summary>
    public string? ChildHost { get; set; }
}
