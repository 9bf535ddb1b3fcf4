using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Rules;

/// <summary>四(一): <c>recommender_over_quota</c> on the submissions of a unit beyond its quota, counted in
/// <c>submittedAt</c> order (then <c>submissionId</c>). A member unit's direct submissions count against its own quota.
/// The finding names the unit, the quota and the record's own place: it changes only when that place does, so one more
/// package of a unit rewrites one record, not every record over the quota (the unit's count is on the intake page).</summary>
internal sealed class QuotaRule : IEditionRule
{
    public IReadOnlyCollection<string> Codes { get; } = [FindingCodes.RecommenderOverQuota];

    public EditionRuleReach Reach => EditionRuleReach.RecommendingUnit;

    public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context)
    {
        // Cases come in submittedAt, submissionId order: the grouping keeps it.
        foreach (var unit in context.Cases.Where(c => c.Unit is not null && c.Quota is not null).GroupBy(c => c.Unit!.Name, StringComparer.Ordinal))
        {
            var quota = unit.First().Quota!.Value;
            foreach (var (item, index) in unit.Select((c, i) => (c, i)).Skip(quota))
            {
                var record = item.Record;
                var rank = index + 1;
                var submitted = record.SubmittedAt is { } at ? "提交于 " + EditionText.Time(at) : "提交时间未知";
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.RecommenderOverQuota,
                    Severity = Severity.Warning,
                    Message = $"推荐单位 {unit.Key} 本届名额 {quota} 件；本件{submitted}，按提交时间排第 {rank} 位，超出名额",
                    // No time here: a decision on it (matched by code and evidence) survives a resubmission that keeps the place.
                    Evidence = $"推荐单位：{unit.Key}；名额：{quota} 件；本件排第 {rank} 位",
                    Measured = rank,
                    Limit = quota,
                });
            }
        }
    }
}
