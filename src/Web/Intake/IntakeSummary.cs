using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Web.Intake;

/// <summary>What the ingestion team looks at: verdict counts per edition, the latest failed packages and why, and the
/// dead-letter queue's size. Counts come from the index's facets, so they stay cheap over many cases.</summary>
internal sealed class IntakeSummaryQuery(VisibleCases index, IDeadLetterStats deadLetters, ILogger<IntakeSummaryQuery> logger)
{
    public async Task<IntakeSummary> GetAsync(int latestFailures, CancellationToken cancellationToken)
    {
        var all = await index.SearchAsync(new SearchQuery { Limit = 0 }, cancellationToken);
        var editions = new List<EditionVerdicts>();
        foreach (var edition in FacetValues(all, SearchFacets.Edition))
        {
            var number = int.Parse(edition, System.Globalization.CultureInfo.InvariantCulture);
            var byEdition = await index.SearchAsync(new SearchQuery { Edition = number, Limit = 0 }, cancellationToken);
            editions.Add(new EditionVerdicts(number, byEdition.Total, VerdictCounts(byEdition),
                await RecommenderQuotas.FromIndexAsync(index, number, cancellationToken)));
        }

        var failed = await index.SearchAsync(
            new SearchQuery { Verdict = "failed", Sort = SearchSorts.SubmittedAt, Limit = latestFailures }, cancellationToken);
        var failures = new List<FailedPackage>();
        foreach (var hit in failed.Hits)
        {
            var record = await index.GetAsync(hit.SubmissionId, cancellationToken);
            var reasons = record?.Findings.Where(f => f.Severity == Severity.Error)
                .Select(f => new FailureReason(f.Code, FindingLabels.Name(f.Code), f.Message)).ToList() ?? [];
            failures.Add(new FailedPackage(hit.SubmissionId, hit.Edition, hit.Recommender, hit.SubmittedAt, record?.ProcessedAt, reasons));
        }

        return new IntakeSummary(all.Total, VerdictCounts(all), editions.OrderByDescending(e => e.Edition).ToList(), failures,
            await DeadLetterCountAsync(cancellationToken));
    }

    private async Task<long?> DeadLetterCountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await deadLetters.GetDeadLetterCountAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The page must still show what the index knows when the broker is down.
            logger.DeadLetterCountUnavailable(ex);
            return null;
        }
    }

    private static IEnumerable<string> FacetValues(SearchResult result, string facet) =>
        result.Facets.TryGetValue(facet, out var values) ? values.Select(v => v.Value) : [];

    private static Dictionary<string, long> VerdictCounts(SearchResult result) =>
        result.Facets.TryGetValue(SearchFacets.Verdict, out var values)
            ? values.ToDictionary(v => v.Value, v => v.Count)
            : new Dictionary<string, long>();
}

internal sealed record IntakeSummary(long Total, IReadOnlyDictionary<string, long> Verdicts, IReadOnlyList<EditionVerdicts> Editions,
    IReadOnlyList<FailedPackage> LatestFailures, long? DeadLetterCount);

internal sealed record EditionVerdicts(int Edition, long Total, IReadOnlyDictionary<string, long> Verdicts,
    IReadOnlyList<RecommenderQuota> Recommenders);

internal sealed record FailedPackage(string SubmissionId, int? Edition, string? Recommender, DateTimeOffset? SubmittedAt,
    DateTimeOffset? ProcessedAt, IReadOnlyList<FailureReason> Reasons);

/// <summary>Why a package failed: the finding's code (for scripts), its Chinese name and message (for people).</summary>
internal sealed record FailureReason(string Code, string Name, string Message);
