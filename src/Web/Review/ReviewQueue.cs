using CaseIngest.Abstractions.Records;
using CaseIngest.Search;

namespace CaseIngest.Web.Review;

/// <summary>The queue's filters (query string of the page, the API and the "save and next" form), 1-based paging.
/// <see cref="State"/> narrows to one review state; empty: everything that waits for a reviewer.</summary>
internal sealed record QueueFilter(string? Finding, string? Recommender, string? Type, int? Edition, string? State, int? Page)
{
    public int PageNumber => Math.Max(1, Page ?? 1);

    /// <summary>The query-string pairs of the filter (without the page), to carry it from page to page.</summary>
    public IEnumerable<(string Name, string? Value)> Pairs() =>
    [
        ("finding", Finding), ("recommender", Recommender), ("type", Type),
        ("edition", Edition?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("state", State),
    ];

    public SearchQuery Base() => new()
    {
        FindingCode = Blank(Finding),
        Recommender = Blank(Recommender),
        Type = Blank(Type),
        Edition = Edition,
        Sort = SearchSorts.SubmittedAt,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One page of the queue with the counts per state under the same filters.</summary>
internal sealed record QueuePage(IReadOnlyList<SearchHit> Hits, long Total, IReadOnlyDictionary<string, long> Counts, int PageNumber, int PageSize);

/// <summary>What waits for a person (<see cref="ReviewRules.Queue"/>; the failed ones too for admins), in the order of
/// DESIGN.md: needs_review, then rejected, then accepted; within a state the earliest submission first.</summary>
internal sealed class ReviewQueue(ISearchIndex index)
{
    public async Task<QueuePage> PageAsync(QueueFilter filter, int pageSize, bool includeFailed, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(filter, cancellationToken);
        var states = StatesOf(filter, includeFailed);
        var offset = (filter.PageNumber - 1) * pageSize;
        var hits = new List<SearchHit>();
        long total = 0;
        foreach (var state in states)
        {
            var inState = counts.GetValueOrDefault(state);
            total += inState;
            if (hits.Count < pageSize && offset < inState)
            {
                // Ascending by submission: the search sorts newest first, so read from the end of the state.
                var take = (int)Math.Min(pageSize - hits.Count, inState - offset);
                var from = inState - offset - take;
                var page = await index.SearchAsync(filter.Base() with { ReviewStates = [state], Offset = (int)from, Limit = take }, cancellationToken);
                hits.AddRange(page.Hits.Reverse());
                offset = 0;
            }
            else
            {
                offset = (int)Math.Max(0, offset - inState);
            }
        }

        return new QueuePage(hits, total, counts, filter.PageNumber, pageSize);
    }

    /// <summary>The first case of the queue other than <paramref name="after"/> (the "save and next" target), or null.</summary>
    public async Task<string?> NextAsync(QueueFilter filter, string after, bool includeFailed, CancellationToken cancellationToken)
    {
        var page = await PageAsync(filter with { Page = 1 }, 2, includeFailed, cancellationToken);
        return page.Hits.Select(h => h.SubmissionId).FirstOrDefault(id => !string.Equals(id, after, StringComparison.Ordinal));
    }

    /// <summary>Cases per review state under the filter (every state, decided ones included).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(QueueFilter filter, CancellationToken cancellationToken)
    {
        var result = await index.SearchAsync(filter.Base() with { Limit = 0 }, cancellationToken);
        return result.Facets.TryGetValue(SearchFacets.ReviewState, out var counts)
            ? counts.ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal)
            : new Dictionary<string, long>(StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> StatesOf(QueueFilter filter, bool includeFailed)
    {
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            return [filter.State.Trim()];
        }

        var states = includeFailed ? ReviewRules.Waiting : ReviewRules.Queue;
        return [.. states.Select(CaseRecordJson.Name)];
    }
}
