using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Measuring;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>申报条件(二): the case has been in use for at least a year when the call closes. The earliest go-live the
/// report states (<see cref="GoLiveFinder"/>) must be at most twelve months before the close's month: 2025-07 passes and
/// 2025-08 does not for a close on 2026-07-31. A year alone decides only when every month of it falls on one side
/// (2024 passes, 2026 does not); 2025, or no date at all, is <c>implementation_date_unknown</c>.</summary>
internal sealed class ImplementationPeriodRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var rules = check.RuleSet.Implementation;
        var close = rules.CallClosesOn;
        var latest = new DateOnly(close.Year, close.Month, 1).AddMonths(-12);
        var latestText = $"{latest.Year:D4}-{latest.Month:D2}";
        var statement = check.Measurement.EarliestGoLive;
        if (check.Measurement.GoLiveUndecided)
        {
            return; // a sentence could not be searched in time: the earliest go-live is not known, and no finding is
        }

        if (statement is null)
        {
            findings.Add(FindingCodes.ImplementationDateUnknown, "案例报告未写明案例投入使用（上线、投运）的时间",
                $"正文没有带日期的上线、投入使用或投运表述（启动建设、立项不算投入使用）；无法核对申报条件(二)实施一年以上（{latestText} 及以前投入使用）",
                section: "申报条件");
            return;
        }

        var first = new DateOnly(statement.Year, statement.Month ?? 1, 1);
        var last = new DateOnly(statement.Year, statement.Month ?? 12, 1);
        var evidence = $"{statement.Paragraph.Section ?? "正文"}第 {statement.Paragraph.Index + 1} 段“{statement.Quote}”：最早投入使用 {statement.Stated}；" +
                       $"截止日 {close:yyyy-MM-dd}，须 {latestText} 及以前投入使用";
        if (last <= latest)
        {
            return;
        }

        if (first > latest)
        {
            findings.Add(FindingCodes.ImplementationUnderOneYear, $"案例投入使用（{statement.Stated}）至征集截止不满一年",
                evidence, at: statement.Paragraph);
            return;
        }

        findings.Add(FindingCodes.ImplementationDateUnknown, $"案例报告只写明 {statement.Year} 年投入使用，无法判断是否实施一年以上",
            evidence + "；只写了年份，无法判断", at: statement.Paragraph);
    }
}
