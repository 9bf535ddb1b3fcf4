using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.Classification.Features;

/// <summary>What the classifier reads of a case: its names (case name, report title, headings) and the report's body.
/// The ticked boxes are deliberately not read: the prediction must be independent of them to catch a wrong tick.</summary>
internal sealed record CaseText(string Title, string Body)
{
    public bool IsEmpty => Title.Length == 0 && Body.Length == 0;

    public static CaseText From(CaseRecord record)
    {
        var names = new List<string?> { record.Form?.CaseName, record.Report?.Title };
        var body = record.Report?.Text;
        if (string.IsNullOrWhiteSpace(body) && record.Report?.Outline is { Count: > 0 } outline)
        {
            // A report whose text was not kept still has its headings, which name the scenarios.
            body = string.Join('\n', outline.Select(h => h.Heading));
        }

        var title = string.Join('\n', names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal));
        return new CaseText(TextNormalizer.Normalize(title), TextNormalizer.Normalize(body ?? ""));
    }
}
