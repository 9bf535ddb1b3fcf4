using System.Text.Json.Serialization;

namespace CaseIngest.Abstractions.Records;

/// <summary>One breach (or note) found by a check, with the evidence a reviewer needs.</summary>
public sealed class Finding
{
    /// <summary>A stable code from the rules catalogue (see <see cref="FindingCodes"/>).</summary>
    public string Code { get; set; } = "";
    /// <summary>error, warning or info.</summary>
    public Severity Severity { get; set; }
    /// <summary>A message in Chinese.</summary>
    public string Message { get; set; } = "";
    /// <summary>What a reviewer looks at to agree: an excerpt, a field name, a figure.</summary>
    public string? Evidence { get; set; }
    /// <summary>The figure measured, where the rule measures one.</summary>
    public double? Measured { get; set; }
    /// <summary>The limit the figure was held against.</summary>
    public double? Limit { get; set; }
    /// <summary>Where it was found.</summary>
    public FindingLocation? Location { get; set; }
    /// <summary>The plugin that raised it (set by the host when the plugin leaves it empty).</summary>
    public string? Plugin { get; set; }
    /// <summary>The rule-set version in force.</summary>
    public string? RuleSet { get; set; }
    /// <summary>The other submissions the finding is about (the other record of a duplicate pair, the packages over a
    /// quota), by submissionId; null when it concerns this record alone.</summary>
    public List<string>? Related { get; set; }
}

/// <summary>Where a finding was found.</summary>
public sealed class FindingLocation
{
    /// <summary>The file inside the package.</summary>
    public string? File { get; set; }
    /// <summary>The report section or form block.</summary>
    public string? Section { get; set; }
    /// <summary>0-based paragraph index in the file.</summary>
    public int? Paragraph { get; set; }
    /// <summary>1-based page.</summary>
    public int? Page { get; set; }
}

/// <summary>How much a finding weighs.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Noted, no action.</summary>
    Info,
    /// <summary>A reviewer must look.</summary>
    Warning,
    /// <summary>The package would be eliminated at the compliance review.</summary>
    Error,
}
