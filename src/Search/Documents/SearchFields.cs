namespace CaseIngest.Search.Documents;

/// <summary>Field names shared by both backends' documents and queries.</summary>
internal static class SearchFields
{
    public const string SubmissionId = "submissionId";
    public const string Title = "title";
    public const string Headings = "headings";
    public const string Body = "body";
    /// <summary>The form's own words (applicant, the two opinions): searched with the report, never a snippet.</summary>
    public const string Form = "form";
    /// <summary>The findings' messages: system text, searched only when asked for (<see cref="SearchScopes.Findings"/>).</summary>
    public const string Findings = "findings";
    /// <summary>The OCR text of the signature pages (<see cref="SearchScopes.Pages"/>).</summary>
    public const string Pages = "pages";
    /// <summary>The classifier's evidence terms (<see cref="SearchScopes.Classification"/>).</summary>
    public const string Classification = "classification";
    public const string Type = "type";
    public const string Verdict = "verdict";
    public const string ReviewState = "reviewState";
    public const string Edition = "edition";
    public const string Recommender = "recommender";
    public const string FindingCode = "findingCode";
    public const string SubmittedAt = "submittedAt";
    public const string Rating = "rating";
    public const string Record = "record";

    /// <summary>The text fields of the report scope, in the order of their weight.</summary>
    public static readonly string[] Texts = [Title, Headings, Body, Form];

    /// <summary>The text fields a scope searches (<see cref="SearchScopes"/>); an unknown scope searches the report.</summary>
    public static IReadOnlyList<string> TextsOf(string? scope) => scope switch
    {
        SearchScopes.Findings => [Findings],
        SearchScopes.Pages => [Pages],
        SearchScopes.Classification => [Classification],
        _ => Texts,
    };
}
