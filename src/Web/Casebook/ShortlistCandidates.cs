using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;

namespace CaseIngest.Web.Casebook;

/// <summary>The case an editor goes on to after shortlisting one (保存并下一个): the first case that may be shortlisted
/// (<see cref="ShortlistRules"/>) and is not on the shortlist yet, other than the one just saved. Once experts evaluate,
/// the 入选 cases in the ranking's order (best first, type by type); before, the cases judged 合规, latest first.</summary>
internal sealed class ShortlistCandidates(VisibleCases index, EvaluationRanking ranking, ExpertDirectory experts)
{
    private const int PageSize = 100;

    public async Task<string?> NextAsync(string after, CancellationToken cancellationToken)
    {
        if (experts.All.Count > 0)
        {
            return (await ranking.RankAsync(selectedOnly: true, cancellationToken))
                .SelectMany(type => type.Cases)
                .FirstOrDefault(c => c.Record.Review?.Shortlist is null && !string.Equals(c.Record.SubmissionId, after, StringComparison.Ordinal))
                ?.Record.SubmissionId;
        }

        var compliant = CaseRecordJson.Name(ReviewState.Compliant);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await index.SearchAsync(new SearchQuery
            {
                ReviewStates = [compliant], Sort = SearchSorts.SubmittedAt, Offset = offset, Limit = PageSize,
            }, cancellationToken);
            foreach (var hit in page.Hits.Where(h => !string.Equals(h.SubmissionId, after, StringComparison.Ordinal)))
            {
                // The index knows the rating of a shortlisted case, but not a shortlist without one; the record does.
                if (await index.GetAsync(hit.SubmissionId, cancellationToken) is { Review.Shortlist: null })
                {
                    return hit.SubmissionId;
                }
            }

            if (page.Hits.Count < PageSize || offset + PageSize >= page.Total)
            {
                return null;
            }
        }
    }
}
