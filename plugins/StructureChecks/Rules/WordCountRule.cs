using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Measuring;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一(二), 二(一): 正文 4000–6000 字; 企业概况 ≤ 300, 案例内容 ≤ 5000, 绩效表现 ≤ 1000.</summary>
internal sealed class WordCountRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var r = check.RuleSet;
        var body = check.Measurement.Report.BodyWordCount;
        var bodyEvidence = $"正文（自“一、企业概况”起，含标题与表题，不含题目、单位、目录和表格单元格）共 {body} 字；{FindingSink.CountNote}";
        if (body < r.BodyMinChars)
        {
            findings.Add(FindingCodes.TooShort, $"正文 {body} 字，少于 {r.BodyMinChars} 字", bodyEvidence, body, r.BodyMinChars,
                section: "正文");
        }
        else if (body > r.BodyMaxChars)
        {
            findings.Add(FindingCodes.TooLong, $"正文 {body} 字，超过 {r.BodyMaxChars} 字", bodyEvidence, body, r.BodyMaxChars,
                section: "正文");
        }

        CheckSection(FindingCodes.OverviewTooLong, check.Measurement.Overview, r.OverviewMaxChars, findings);
        CheckSection(FindingCodes.ContentTooLong, check.Measurement.Content, r.ContentMaxChars, findings);
        CheckSection(FindingCodes.PerformanceTooLong, check.Measurement.Performance, r.PerformanceMaxChars, findings);
    }

    private static void CheckSection(string code, SectionMeasure section, int limit, FindingSink findings)
    {
        if (section.WordCount is not { } count || count <= limit)
        {
            return;
        }

        var heading = section.Heading!;
        findings.Add(code, $"{section.Name}部分 {count} 字，超过 {limit} 字",
            $"{section.Span}共 {count} 字；{FindingSink.CountNote}", count, limit, heading, heading.Text.Trim());
    }
}
