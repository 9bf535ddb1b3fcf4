using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Rules;

/// <summary><c>possible_duplicate</c> on both records of a pair, across editions: the duplicate check marks the record
/// processed later (it finds the earlier one in the index); this rule marks the earlier one back.</summary>
internal sealed class DuplicatePairRule : IEditionRule
{
    public IReadOnlyCollection<string> Codes { get; } = [FindingCodes.PossibleDuplicate];

    public EditionRuleReach Reach => EditionRuleReach.Record;

    public bool AcrossEditions => true;

    public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context)
    {
        var byId = context.AllRecords.ToDictionary(r => r.SubmissionId, StringComparer.Ordinal);
        foreach (var record in context.AllRecords.OrderBy(r => r.SubmissionId, StringComparer.Ordinal))
        {
            foreach (var finding in record.Findings.Where(IsDetected))
            {
                foreach (var otherId in finding.Related!)
                {
                    if (!byId.TryGetValue(otherId, out var other) || Names(other, record.SubmissionId))
                    {
                        continue;
                    }

                    var edition = record.Edition is { } e && e != other.Edition ? $"第{e}届" : "本届";
                    yield return new EditionFinding(otherId, new Finding
                    {
                        Code = FindingCodes.PossibleDuplicate,
                        Severity = finding.Severity,
                        Message = $"{edition}提交 {record.SubmissionId} 的案例报告正文与本件几乎相同，可能是重复申报",
                        Evidence = $"相似提交：{record.SubmissionId}（{edition}）；{finding.Evidence}",
                        Measured = finding.Measured,
                        Limit = finding.Limit,
                        Location = finding.Location,
                        Related = [record.SubmissionId],
                    });
                }
            }
        }
    }

    private static bool Names(CaseRecord record, string otherId) =>
        record.Findings.Any(f => IsDetected(f) && f.Related!.Contains(otherId, StringComparer.Ordinal));

    // What the duplicate check itself found; records of other editions still carry this stage's earlier mirrors.
    private static bool IsDetected(Finding finding) =>
        finding.Code == FindingCodes.PossibleDuplicate && finding.Related is { Count: > 0 } && finding.Plugin != Stage.EditionStage.PluginName;
}
