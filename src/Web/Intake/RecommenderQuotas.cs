using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Documents;
using CaseIngest.Web.Cases;

namespace CaseIngest.Web.Intake;

/// <summary>Per recommender of an edition: submitted, within its quota, over it (<c>recommender_over_quota</c>) and late
/// (<c>late_submission</c>), as the edition stage left the records. One definition for the intake page (from the index's
/// facets) and the verdict export (from the records).</summary>
internal static class RecommenderQuotas
{
    /// <summary>From the index's facets: three counting searches per edition, whatever the number of cases.</summary>
    public static async Task<IReadOnlyList<RecommenderQuota>> FromIndexAsync(VisibleCases index, int edition, CancellationToken cancellationToken)
    {
        async Task<Dictionary<string, long>> CountAsync(string? code)
        {
            var result = await index.SearchAsync(new SearchQuery { Edition = edition, FindingCode = code, Limit = 0 }, cancellationToken);
            return result.Facets.TryGetValue(SearchFacets.Recommender, out var values)
                ? values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal)
                : [];
        }

        var submitted = await CountAsync(null);
        var over = await CountAsync(FindingCodes.RecommenderOverQuota);
        var late = await CountAsync(FindingCodes.LateSubmission);
        return Order(submitted.Select(s => new RecommenderQuota(edition, s.Key, s.Value, over.GetValueOrDefault(s.Key), late.GetValueOrDefault(s.Key))));
    }

    /// <summary>From the records themselves (every edition).</summary>
    public static IReadOnlyList<RecommenderQuota> FromRecords(IEnumerable<CaseRecord> records) =>
        Order(records
            .Where(r => r.Edition is not null && EffectiveRecommender.Of(r) is not null)
            .GroupBy(r => (Edition: r.Edition!.Value, Recommender: EffectiveRecommender.Of(r)!))
            .Select(g => new RecommenderQuota(g.Key.Edition, g.Key.Recommender, g.Count(),
                g.Count(r => Has(r, FindingCodes.RecommenderOverQuota)), g.Count(r => Has(r, FindingCodes.LateSubmission)))));

    private static bool Has(CaseRecord record, string code) => record.Findings.Any(f => f.Code == code);

    private static List<RecommenderQuota> Order(IEnumerable<RecommenderQuota> rows) =>
        rows.OrderByDescending(r => r.Edition).ThenByDescending(r => r.OverQuota).ThenByDescending(r => r.Submitted)
            .ThenBy(r => r.Recommender, StringComparer.Ordinal).ToList();
}

/// <summary>One recommender's submissions in one edition.</summary>
internal sealed record RecommenderQuota(int Edition, string Recommender, long Submitted, long OverQuota, long Late)
{
    public long WithinQuota => Submitted - OverQuota;
}
