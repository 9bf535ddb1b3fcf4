using CaseIngest.Search;

namespace CaseIngest.Web.Api;

/// <summary>The search parameters of the page and the API (query string), 1-based paging.</summary>
internal sealed record SearchRequest(string? Q, string? Type, string? Verdict, int? Edition, string? Recommender,
    string? Finding, string? Sort, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    /// <summary>How deep paging may go: the backends collect offset + limit hits in memory (Elasticsearch refuses more
    /// than 10,000 anyway), so a huge page number neither allocates nor overflows back to page 1.</summary>
    public const int MaxOffset = 10_000;

    public int PageNumber => Math.Clamp(Page ?? 1, 1, MaxOffset / Size + 1);

    public int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    public string SortOrder => Sort is SearchSorts.SubmittedAt or SearchSorts.Rating ? Sort : SearchSorts.Relevance;

    public SearchQuery ToQuery() => new()
    {
        Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        Type = Blank(Type),
        Verdict = Blank(Verdict),
        Edition = Edition,
        Recommender = Blank(Recommender),
        FindingCode = Blank(Finding),
        Sort = SortOrder,
        Offset = (PageNumber - 1) * Size,
        Limit = Size,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
