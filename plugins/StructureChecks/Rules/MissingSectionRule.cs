using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Measuring;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一(二): the report has 一、企业概况 and 二、案例内容 (a missing 绩效表现 is <c>missing_dimension</c>).
/// The evidence lists the level-1 headings that were found, so a reviewer sees at once whether a section was renamed
/// or left out; the missing section's measures are null in the record.</summary>
internal sealed class MissingSectionRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var level1 = check.Document.BodyHeadings.Where(h => h.Level == 1).Select(h => $"“{FindingSink.Excerpt(h.Text, 20)}”").ToList();
        var found = level1.Count == 0 ? "报告没有一级标题" : $"现有一级标题：{string.Join("、", level1)}";
        foreach (var (section, wordings) in new[]
                 {
                     (check.Measurement.Overview, check.RuleSet.OverviewHeadings ?? []),
                     (check.Measurement.Content, check.RuleSet.ContentHeadings ?? []),
                 })
        {
            if (section.Found)
            {
                continue;
            }

            findings.Add(FindingCodes.MissingSection, $"缺少“{section.Name}”部分",
                $"没有含“{string.Join("”“", wordings)}”的一级标题；{found}", section: section.Name);
        }
    }
}
