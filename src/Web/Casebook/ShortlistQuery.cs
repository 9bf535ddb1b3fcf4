using CaseIngest.Abstractions.Records;
using CaseIngest.Search;

namespace CaseIngest.Web.Casebook;

/// <summary>The shortlisted cases, best rated first (then the earliest shortlisted).</summary>
internal sealed class ShortlistQuery(ISearchIndex index)
{
    public async Task<IReadOnlyList<CaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var shortlisted = new List<CaseRecord>();
        await foreach (var record in index.ReadAllAsync(cancellationToken))
        {
            if (record.Review?.Shortlist is not null)
            {
                shortlisted.Add(record);
            }
        }

        return shortlisted
            .OrderByDescending(r => r.Review!.Shortlist!.Rating)
            .ThenBy(r => r.Review!.Shortlist!.At)
            .ThenBy(r => r.SubmissionId, StringComparer.Ordinal)
            .ToList();
    }
}
