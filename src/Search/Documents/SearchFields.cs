namespace CaseIngest.Search.Documents;

/// <summary>Field names shared by both backends' documents and queries.</summary>
internal static class SearchFields
{
    public const string SubmissionId = "submissionId";
    public const string Title = "title";
    public const string Headings = "headings";
    public const string Body = "body";
    public const string Type = "type";
    public const string Verdict = "verdict";
    public const string ReviewState = "reviewState";
    public const string Edition = "edition";
    public const string Recommender = "recommender";
    public const string FindingCode = "findingCode";
    public const string SubmittedAt = "submittedAt";
    public const string Rating = "rating";
    public const string Record = "record";

    /// <summary>The text fields, in the order of their weight.</summary>
    public static readonly string[] Texts = [Title, Headings, Body];
}
