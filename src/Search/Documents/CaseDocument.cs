using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Documents;

/// <summary>What both backends index of a record: the searchable texts (title above headings above body) and the filter
/// and facet values. One projection, so Lucene and Elasticsearch search and filter the same things.</summary>
internal sealed class CaseDocument
{
    public required string SubmissionId { get; init; }

    /// <summary>The report title and, when it differs, the form's case name.</summary>
    public required string Title { get; init; }

    /// <summary>The report's headings, one a line.</summary>
    public required string Headings { get; init; }

    /// <summary>The report's own text: what a report search's snippets are cut from.</summary>
    public required string Body { get; init; }

    /// <summary>The form's own words: the applicant and the two opinions.</summary>
    public string Form { get; init; } = "";

    /// <summary>The findings' messages, one a line (system text: searched only in its own scope).</summary>
    public string Findings { get; init; } = "";

    /// <summary>The OCR text of the signature pages, a page a line.</summary>
    public string Pages { get; init; } = "";

    /// <summary>The classifier's evidence terms.</summary>
    public string Classification { get; init; } = "";

    public string? Type { get; init; }

    public required string Verdict { get; init; }

    /// <summary>Where the case stands in the review (<see cref="ReviewRules.StateOf"/>): what the queue filters and counts.</summary>
    public string ReviewState { get; init; } = "";

    public int? Edition { get; init; }

    /// <summary>The recommender as the edition's registry names it (recommenderNormalized), else as written: the facet.</summary>
    public string? Recommender { get; init; }

    public string? Applicant { get; init; }

    public IReadOnlyList<string> FindingCodes { get; init; } = [];

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The editors' shortlist rating, 0 when not shortlisted.</summary>
    public int Rating { get; init; }

    public static CaseDocument From(CaseRecord record)
    {
        var report = record.Report;
        var form = record.Form;
        var title = report?.Title ?? form?.CaseName ?? "";
        if (form?.CaseName is { Length: > 0 } caseName && !string.Equals(caseName, title, StringComparison.Ordinal))
        {
            title = title.Length == 0 ? caseName : title + "\n" + caseName;
        }

        var formText = new StringBuilder();
        Append(formText, form?.Applicant);
        Append(formText, form?.ApplicantOpinion);
        Append(formText, form?.RecommenderOpinion);
        var pages = new StringBuilder();
        foreach (var page in record.Pages)
        {
            Append(pages, page.Text);
        }

        var findings = new StringBuilder();
        foreach (var finding in record.Findings)
        {
            Append(findings, finding.Message);
        }

        return new CaseDocument
        {
            SubmissionId = record.SubmissionId,
            Title = title,
            Headings = report is null ? "" : string.Join('\n', report.Outline.Select(o => o.Heading)),
            Body = report?.Text ?? "",
            Form = formText.ToString(),
            Findings = findings.ToString(),
            Pages = pages.ToString(),
            Classification = record.Classification is { } classification ? string.Join('\n', classification.Evidence) : "",
            Type = EffectiveCaseType.Of(record),
            Verdict = CaseRecordJson.Name(record.Verdict),
            ReviewState = CaseRecordJson.Name(ReviewRules.StateOf(record)),
            Edition = record.Edition,
            Recommender = EffectiveRecommender.Of(record),
            Applicant = form?.Applicant,
            FindingCodes = record.Findings.Select(f => f.Code).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            SubmittedAt = record.SubmittedAt,
            Rating = record.Review?.Shortlist?.Rating ?? 0,
        };
    }

    /// <summary>The text of a scope (<see cref="SearchScopes"/>) that snippets are cut from.</summary>
    public string TextOf(string scope) => scope switch
    {
        SearchScopes.Findings => Findings,
        SearchScopes.Pages => Pages,
        SearchScopes.Classification => Classification,
        _ => Body,
    };

    /// <summary>The search hit of a record (the fields a result list shows).</summary>
    public SearchHit ToHit(double score, string? titleMarked, IReadOnlyList<string> highlights) => new()
    {
        SubmissionId = SubmissionId,
        Score = score,
        Title = Title.Split('\n')[0],
        TitleMarked = titleMarked,
        Applicant = Applicant,
        Recommender = Recommender,
        Type = Type,
        Verdict = Verdict,
        ReviewState = ReviewState,
        Edition = Edition,
        SubmittedAt = SubmittedAt,
        Highlights = highlights,
    };

    private static void Append(StringBuilder body, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (body.Length > 0)
        {
            body.Append('\n');
        }

        body.Append(text);
    }
}
