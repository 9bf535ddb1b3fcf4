using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Cases;

namespace CaseIngest.Web.Casebook;

/// <summary>The shortlisted cases, best rated first (then the earliest shortlisted). The index finds them (rating ≥ 1),
/// so the cost follows the shortlist's size, not the archive's.</summary>
internal sealed class ShortlistQuery(VisibleCases index)
{
    private const int PageSize = 200;

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var shortlisted = new List<CaseRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await index.SearchAsync(
                new SearchQuery { MinRating = 1, Sort = SearchSorts.Rating, Offset = offset, Limit = PageSize }, cancellationToken);
            foreach (var hit in page.Hits)
            {
                if (await index.GetAsync(hit.SubmissionId, cancellationToken) is { Review.Shortlist: not null } record)
                {
                    shortlisted.Add(record);
                }
            }

            if (page.Hits.Count < PageSize || offset + PageSize >= page.Total)
            {
                break;
            }
        }

        return shortlisted
            .OrderByDescending(r => r.Review!.Shortlist!.Rating)
            .ThenBy(r => r.Review!.Shortlist!.At)
            .ThenBy(r => r.SubmissionId, StringComparer.Ordinal)
            .ToList();
    }
}
