using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Pipeline.Isolation;

/// <summary>What the parent writes for a child process running one step: which plugin, the package's files, where
/// the record is and where to write it back, and the configuration the plugin sees.</summary>
public sealed class IsolatedStepRequest
{
    public string Plugin { get; set; } = "";

    public string RuleSet { get; set; } = "";

    public string RecordPath { get; set; } = "";

    public string OutputPath { get; set; } = "";

    public List<IsolatedFile> Files { get; set; } = [];

    public Dictionary<string, string?> Configuration { get; set; } = [];
}

/// <summary>A package file as the child sees it.</summary>
public sealed class IsolatedFile
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public FileRole Role { get; set; }

    public string Sha256 { get; set; } = "";

    public long Bytes { get; set; }

    public string? ConvertedFrom { get; set; }

    public string? ConversionProblem { get; set; }

    public List<PageRange> Pages { get; set; } = [];
}
