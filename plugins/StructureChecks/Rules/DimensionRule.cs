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
            if (headings.Any(h => Satisfies(dimension, h)))
            {
                continue;
            }

            findings.Add(FindingCodes.MissingDimension, $"缺少“{dimension.Name}”部分",
                $"没有标题含“{dimension.Name}”（认可的写法：{string.Join("、", dimension.Patterns)}）；现有一、二级标题：{(listed.Length > 0 ? listed : "无")}",
                section: dimension.Level1Only ? dimension.Name : "二、案例内容");
        }
    }

    private bool Satisfies(RequiredDimension dimension, ReportParagraph heading)
    {
        if (dimension.Level1Only && heading.Level != 1)
        {
            return false;
        }

        var text = HeadingNumbering.StripNumber(heading.Text);
        return dimension.Patterns.Any(p => patterns.IsMatch(p, text));
    }
}
