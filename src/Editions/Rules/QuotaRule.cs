using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Rules;

/// <summary>四(一): <c>recommender_over_quota</c> on the submissions of a unit beyond its quota, counted in
/// <c>submittedAt</c> order (then <c>submissionId</c>); the evidence lists them. A member unit's direct submissions
/// count against its own quota.</summary>
internal sealed class QuotaRule : IEditionRule
{
    public IReadOnlyCollection<string> Codes { get; } = [FindingCodes.RecommenderOverQuota];

    public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context)
    {
        // Cases come in submittedAt, submissionId order: the grouping keeps it.
        foreach (var unit in context.Cases.Where(c => c.Unit is not null && c.Quota is not null).GroupBy(c => c.Unit!.Name, StringComparer.Ordinal))
        {
            var cases = unit.ToList();
            var quota = cases[0].Quota!.Value;
            if (cases.Count <= quota)
            {
                continue;
            }

            var over = cases.Skip(quota).ToList();
            var listed = string.Join("、", over.Select(c =>
                c.Record.SubmissionId + "（" + (c.Record.SubmittedAt is { } at ? EditionText.Time(at) : "提交时间未知") + "）"));
            var related = over.Select(c => c.Record.SubmissionId).ToList();
            for (var i = 0; i < over.Count; i++)
            {
                var record = over[i].Record;
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.RecommenderOverQuota,
                    Severity = Severity.Warning,
                    Message = $"推荐单位 {unit.Key} 本届已报 {cases.Count} 件，名额 {quota} 件；本件按提交时间排第 {quota + i + 1} 位，超出名额",
                    Evidence = $"按提交时间超出名额的：{listed}",
                    Measured = cases.Count,
                    Limit = quota,
                    Related = related,
                });
            }
        }
    }
}
