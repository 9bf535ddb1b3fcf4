using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search;

/// <summary>A search backend (embedded Lucene.Net, or Elasticsearch). One instance per process: it owns the writer
/// or the HTTP client. Whole records are stored; <see cref="UpsertAsync"/> replaces by <c>submissionId</c>.</summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces records by submissionId and makes them durable and searchable before returning.</summary>
    Task UpsertAsync(IReadOnlyCollection<CaseRecord> records, CancellationToken cancellationToken);

    /// <summary>Removes records by submissionId.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken);

    /// <summary>One stored record, or null.</summary>
    Task<CaseRecord?> GetAsync(string submissionId, CancellationToken cancellationToken);

    /// <summary>Full-text search with filters, facets and highlighted snippets. No text: every case matches.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>The cases most similar to one (more like this), the case itself excluded.</summary>
    Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(string submissionId, int count, CancellationToken cancellationToken);

    /// <summary>Every stored record (for reindex, recheck, export).</summary>
    IAsyncEnumerable<CaseRecord> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The outlines (<see cref="Documents.RecordOutline"/>: no texts, pages, review or contacts) of the stored
    /// records that match <paramref name="filter"/>, in no particular order: for stages that look across many records.</summary>
    IAsyncEnumerable<CaseRecord> ReadOutlinesAsync(OutlineFilter filter, CancellationToken cancellationToken);
}

/// <summary>Which outlines <see cref="ISearchIndex.ReadOutlinesAsync"/> reads: every part given must match, none given
/// reads every record.</summary>
/// <param name="Edition">Records of this edition.</param>
/// <param name="FindingCode">Records carrying a finding with this code.</param>
/// <param name="Recommender">Records counted under this recommender (the value of the <c>recommender</c> facet:
/// <c>recommenderNormalized</c>, else the name as written).</param>
public sealed record OutlineFilter(int? Edition = null, string? FindingCode = null, string? Recommender = null)
{
    /// <summary>The same filters as a search's (how the backends apply them).</summary>
    public SearchQuery AsSearchQuery() => new() { Edition = Edition, FindingCode = FindingCode, Recommender = Recommender };
}

/// <summary>A search request. Filters are exact values of the record (verdict in its JSON form: <c>needs_review</c>).</summary>
public sealed record SearchQuery
{
    /// <summary>The query text, Chinese or not; "quoted" parts are phrases. Null or empty: match all.</summary>
    public string? Text { get; init; }
    /// <summary>What the text is searched in (<see cref="SearchScopes"/>): the report (default), or one kind of system
    /// text (findings, OCR of the signature pages, the classifier's evidence), which a report search never matches.</summary>
    public string Scope { get; init; } = SearchScopes.Report;
    /// <summary>Case type (classification.predicted, else the single declared type).</summary>
    public string? Type { get; init; }
    /// <summary>accepted, needs_review, rejected, failed.</summary>
    public string? Verdict { get; init; }
    /// <summary>Review states (<see cref="ReviewState"/> in its JSON form: <c>needs_review</c>, <c>compliant</c>…), any of
    /// them; empty: every state. <see cref="ReviewRules.Queue"/> is what waits for a reviewer.</summary>
    public IReadOnlyList<string> ReviewStates { get; init; } = [];
    /// <summary>Edition number.</summary>
    public int? Edition { get; init; }
    /// <summary>Recommender.</summary>
    public string? Recommender { get; init; }
    /// <summary>A finding code the case must carry.</summary>
    public string? FindingCode { get; init; }
    /// <summary>Only cases submitted at or after this instant.</summary>
    public DateTimeOffset? SubmittedFrom { get; init; }
    /// <summary>Only cases submitted at or before this instant.</summary>
    public DateTimeOffset? SubmittedTo { get; init; }
    /// <summary>Only shortlisted cases rated at least this (1–5).</summary>
    public int? MinRating { get; init; }
    /// <summary>relevance (default), submittedAt, rating.</summary>
    public string Sort { get; init; } = SearchSorts.Relevance;
    /// <summary>Hits to skip (paging).</summary>
    public int Offset { get; init; }
    /// <summary>Hits to return.</summary>
    public int Limit { get; init; } = 10;
}

/// <summary>Sort orders of <see cref="SearchQuery.Sort"/>.</summary>
public static class SearchSorts
{
    public const string Relevance = "relevance";
    public const string SubmittedAt = "submittedAt";
    public const string Rating = "rating";
}

/// <summary>What <see cref="SearchQuery.Text"/> is searched in. Snippets come from the same text, so a report search
/// never shows a finding's message as if the report said it.</summary>
public static class SearchScopes
{
    /// <summary>The report's title, headings and text, and the form's own words (applicant, opinions).</summary>
    public const string Report = "report";
    /// <summary>The findings' messages.</summary>
    public const string Findings = "findings";
    /// <summary>The OCR text of the signature pages.</summary>
    public const string Pages = "pages";
    /// <summary>The classifier's evidence terms.</summary>
    public const string Classification = "classification";

    public static IReadOnlyList<string> All { get; } = [Report, Findings, Pages, Classification];

    /// <summary>The scope as given when known, else the report.</summary>
    public static string Normalize(string? scope) => scope is not null && All.Contains(scope) ? scope : Report;
}

/// <summary>Facet names of <see cref="SearchResult.Facets"/>.</summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Verdict = "verdict";
    /// <summary>The review state that counts (<see cref="ReviewRules.StateOf"/>).</summary>
    public const string ReviewState = "reviewState";
    public const string Edition = "edition";
    public const string Recommender = "recommender";
    public const string FindingCode = "findingCode";
}

/// <summary>What a search returns.</summary>
public sealed class SearchResult
{
    public long Total { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    /// <summary>Facet name (<see cref="SearchFacets"/>) → values with counts over all matches, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetCount>>();
}

/// <summary>One hit.</summary>
public sealed class SearchHit
{
    public string SubmissionId { get; init; } = "";
    public double Score { get; init; }
    public string? Title { get; init; }
    /// <summary>The title with the query's matches marked as &lt;em&gt;…&lt;/em&gt; (the rest HTML-escaped); null when
    /// the title holds none. The title is never repeated among <see cref="Highlights"/>.</summary>
    public string? TitleMarked { get; init; }
    public string? Applicant { get; init; }
    public string? Recommender { get; init; }
    public string? Type { get; init; }
    public string? Verdict { get; init; }
    /// <summary>Where the case stands in the review (<see cref="ReviewRules.StateOf"/>, JSON form).</summary>
    public string? ReviewState { get; init; }
    public int? Edition { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>Whole sentences of the searched scope's text (<see cref="SearchQuery.Scope"/>: the report's own text by
    /// default) with matches marked as &lt;em&gt;…&lt;/em&gt; (the rest HTML-escaped), the densest first; a sentence
    /// too long is cut at a clause, the cut shown by one "…".</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];
}

/// <summary>A facet value and how many matches carry it.</summary>
public sealed record FacetCount(string Value, long Count);
