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

    /// <summary>How sure the reading of each field is, by the record's path of the field (<c>caseName</c>,
    /// <c>indicators.主营业务收入[0]</c>, <c>applicantContact.phone</c>, <c>creators[1].name</c>): the least confidence of
    /// the cells it was read from (and of the label that named it, where the value came in the label's cell).</summary>
    public Dictionary<string, double> FieldConfidence { get; } = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="path"/> was read from cells of <paramref name="confidence"/>.</summary>
    public void Read(string path, double confidence) =>
        FieldConfidence[path] = Math.Min(confidence, FieldConfidence.GetValueOrDefault(path, 1));
}
