using CaseIngest.Abstractions.Records;
using CaseIngest.Search;

namespace CaseIngest.Web.Api;

/// <summary>The search parameters of the page and the API (query string), 1-based paging. <c>waiting=true</c> narrows to
/// what still waits for a person (DESIGN.md, Review: no decision yet); <c>state</c> to one review state.</summary>
internal sealed record SearchRequest(string? Q, string? Scope, string? Type, string? Verdict, string? State, bool? Waiting,
    int? Edition, string? Recommender, string? Finding, string? Sort, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    /// <summary>The page sizes the page offers.</summary>
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    /// <summary>How deep paging may go: the backends collect offset + limit hits in memory (Elasticsearch refuses more
    /// than 10,000 anyway), so a page beyond it is answered "out of reach" with the total and facets, never wrapped
    /// back to page 1 and never multiplied into an overflow.</summary>
    public const int MaxOffset = 10_000;

    public int PageNumber => Math.Max(1, Page ?? 1);

    public int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>The deepest page whose hits the backends will return at this page size.</summary>
    public int DeepestPage => MaxOffset / Size;

    /// <summary>The page asked for lies beyond <see cref="DeepestPage"/>.</summary>
    public bool BeyondReach => PageNumber > DeepestPage;

    public string SortOrder => Sort is SearchSorts.SubmittedAt or SearchSorts.Rating ? Sort : SearchSorts.Relevance;

    public string SearchScope => SearchScopes.Normalize(Scope);

    public bool OnlyWaiting => Waiting == true;

    public SearchQuery ToQuery() => new()
    {
        Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        Scope = SearchScope,
        Type = Blank(Type),
        Verdict = Blank(Verdict),
        ReviewStates = Blank(State) is { } state ? [state] : OnlyWaiting ? [.. ReviewRules.Waiting.Select(CaseRecordJson.Name)] : [],
        Edition = Edition,
        Recommender = Blank(Recommender),
        FindingCode = Blank(Finding),
        Sort = SortOrder,
        Offset = BeyondReach ? 0 : (PageNumber - 1) * Size,
        Limit = BeyondReach ? 0 : Size,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
