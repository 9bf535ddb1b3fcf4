using CaseIngest.Search;

namespace CaseIngest.Web.Api;

/// <summary>The search parameters of the page and the API (query string), 1-based paging.</summary>
internal sealed record SearchRequest(string? Q, string? Type, string? Verdict, int? Edition, string? Recommender,
    string? Finding, string? Sort, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public int PageNumber => Math.Max(1, Page ?? 1);

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
