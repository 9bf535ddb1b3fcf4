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

    /// <summary>Where packages are extracted while processed (a folder per package, deleted afterwards). Unset: in
    /// <see cref="MemoryWorkPath"/> while it has <see cref="MemoryWorkHeadroomBytes"/> free, else in
    /// <c>&lt;temp&gt;/caseingest-work</c> (<see cref="WorkFolders"/>).</summary>
    public string? WorkPath { get; set; }

    /// <summary>A memory-backed folder (tmpfs) for the work folders when <see cref="WorkPath"/> is unset; empty: none.</summary>
    public string MemoryWorkPath { get; set; } = "/dev/shm/caseingest-work";

    /// <summary>The room a package's work folder may need in <see cref="MemoryWorkPath"/> — its files extracted (up to
    /// <c>Packages:MaxTotalBytes</c>), conversions and page renders beside them: with less free there, counting the
    /// packages under way in this process, a package works on disk. Keeps a container's 64 MB /dev/shm out of use.</summary>
    [Range(0, long.MaxValue)]
    public long MemoryWorkHeadroomBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The program run for <c>Isolation=process</c> steps: a .dll (run with dotnet) or an executable that
    /// understands <c>run-plugin REQUEST</c>. Default: this process's own entry point.</summary>
    public string? ChildHost { get; set; }
}
