using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.Classification.Features;

/// <summary>
/// What the classifier reads of a case: its names (case name, report title), the report's body, and two regions of the
/// body that say what the case is whoever wrote it: <see cref="Applicant"/>, who the applicant is (一、企业概况: a
/// service provider, a maker, a network or computing operator, an enterprise in its own trade), and
/// <see cref="Framing"/>, how the report opens 二、案例内容 (what was built, for whom). The ticked boxes are deliberately
/// not read: the prediction must be independent of them to catch a wrong tick.
/// </summary>
internal sealed record CaseText
{
    /// <param name="title">The names, normalized (<see cref="TextNormalizer"/>).</param>
    /// <param name="body">The report's text, normalized, one paragraph per line; the regions are found in it.</param>
    public CaseText(string title, string body)
    {
        Title = title;
        Body = body;
        (Applicant, Framing) = ReportRegions.Find(body);
    }

    public string Title { get; }

    public string Body { get; }

    /// <summary>The 企业概况 section; in a report without one, the framing (it introduces the applicant there instead).</summary>
    public string Applicant { get; }

    /// <summary>The first paragraphs of 案例内容 (or of the body, when it has no headings), at most
    /// <see cref="ReportRegions.FramingLength"/> characters.</summary>
    public string Framing { get; }

    public bool IsEmpty => Title.Length == 0 && Body.Length == 0;

    /// <summary>A case from its names and its report's text, normalized here.</summary>
    public static CaseText Of(string title, string body) => new(TextNormalizer.Normalize(title), TextNormalizer.Normalize(body));

    public static CaseText From(CaseRecord record)
    {
        var names = new List<string?> { record.Form?.CaseName, record.Report?.Title };
        var body = record.Report?.Text;
        if (string.IsNullOrWhiteSpace(body) && record.Report?.Outline is { Count: > 0 } outline)
        {
            // A report whose text was not kept still has its headings, which name the scenarios.
            body = string.Join('\n', outline.Select(h => h.Heading));
        }

        return Of(string.Join('\n', names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)), body ?? "");
    }
}
