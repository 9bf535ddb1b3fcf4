using System.Globalization;
using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Rules;

/// <summary>四(三): <c>late_submission</c> when <c>submittedAt</c> is after the close; <c>submitted_at_unknown</c> when the
/// package says nothing of when it was submitted — never late from the time it happened to arrive.</summary>
internal sealed class DeadlineRule : IEditionRule
{
    public IReadOnlyCollection<string> Codes { get; } = [FindingCodes.LateSubmission, FindingCodes.SubmittedAtUnknown];

    public EditionRuleReach Reach => EditionRuleReach.Record;

    public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context)
    {
        var closing = EditionText.Time(context.ClosingTime);
        foreach (var item in context.Cases)
        {
            var record = item.Record;
            if (record.SubmittedAt is not { } submitted)
            {
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.SubmittedAtUnknown,
                    Severity = Severity.Info,
                    Message = "申报材料未说明提交时间（无 manifest 或未写 submittedAt），无法核对是否在截止时间前提交",
                    Evidence = $"提交时间：未知；截止时间：{closing}",
                });
            }
            else if (submitted > context.ClosingTime)
            {
                var late = submitted - context.ClosingTime;
                yield return new EditionFinding(record.SubmissionId, new Finding
                {
                    Code = FindingCodes.LateSubmission,
                    Severity = Severity.Error,
                    Message = $"提交时间晚于截止时间（{closing}）{EditionText.Duration(late)}",
                    Evidence = $"提交时间：{EditionText.Time(submitted)}；截止时间：{closing}",
                    Measured = Math.Round(late.TotalHours, 2),
                    Limit = 0,
                });
            }
        }
    }
}

/// <summary>How edition findings write times and durations (Beijing time, the call's own).</summary>
internal static class EditionText
{
    private static readonly TimeSpan s_beijing = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(s_beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{Math.Floor(span.TotalDays):0} 天 {span.Hours} 小时"
        : span.TotalHours >= 1 ? $"{Math.Floor(span.TotalHours):0} 小时 {span.Minutes} 分钟"
        : $"{Math.Max(1, Math.Ceiling(span.TotalMinutes)):0} 分钟";
}
