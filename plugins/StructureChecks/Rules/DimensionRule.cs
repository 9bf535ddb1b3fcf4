using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一(二)2: every dimension present as a heading — 应用场景, 数智技术能力, 组织与管理变革, 人机协同,
/// and 绩效表现 — matched by the rule set's wordings, so 案例应用场景 or 人机（智能系统）协同 count.</summary>
internal sealed class DimensionRule(PatternCache patterns) : IReportRule
{

    public void Check(ReportCheck check, FindingSink findings)
    {
        var headings = check.Document.BodyHeadings.ToList();
        var listed = string.Join("、", headings.Where(h => h.Level <= 2).Select(h => FindingSink.Excerpt(h.Text, 16)));
        foreach (var dimension in check.RuleSet.Dimensions ?? [])
        {
            var candidates = headings.Where(h => !dimension.Level1Only || h.Level == 1).Select(h => HeadingNumbering.StripNumber(h.Text));
            if (patterns.AnyMatch(dimension.Patterns, candidates, FindingCodes.MissingDimension) != PatternVerdict.NoMatch)
            {
                continue; // present, or a pattern could not decide: no finding it cannot stand by
            }

            findings.Add(FindingCodes.MissingDimension, $"缺少“{dimension.Name}”部分",
                $"没有标题含“{dimension.Name}”（认可的写法：{string.Join("、", dimension.Patterns)}）；现有一、二级标题：{(listed.Length > 0 ? listed : "无")}",
                section: dimension.Level1Only ? dimension.Name : "二、案例内容");
        }
    }
}
