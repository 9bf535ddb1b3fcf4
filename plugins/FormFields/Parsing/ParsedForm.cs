using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>What the parser read from a document, with what the checks need beyond the record's fields.</summary>
internal sealed class ParsedForm
{
    public FormSection Form { get; } = new();

    /// <summary>How many of the form's blocks were recognised; a document is taken for the form from a threshold on.</summary>
    public int Score { get; set; }

    /// <summary>The 案例类型 cell as written (evidence for the type findings); null when the form has no type row.</summary>
    public string? TypeText { get; set; }

    /// <summary>Indicator cells that hold text that is no number, by "name (year)".</summary>
    public List<string> UnreadableIndicators { get; } = [];
}
