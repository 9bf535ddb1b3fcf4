using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(三): at most three heading levels 一、/（一）/1.</summary>
internal sealed class HeadingDepthRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var limit = check.RuleSet.MaxHeadingDepth;
        var deep = check.Document.BodyHeadings.Where(h => h.Level > limit).ToList();
        if (deep.Count == 0)
        {
            return;
        }

        var deepest = deep.Max(h => h.Level);
        var examples = string.Join("；", deep.Take(3).Select(h => $"第 {h.Index + 1} 段“{FindingSink.Excerpt(h.Text, 30)}”"));
        findings.Add(FindingCodes.HeadingDepth4, $"标题层级达到 {deepest} 级，超过 {limit} 级",
            $"共 {deep.Count} 个第 {limit + 1} 级及更深的标题，如 {examples}", deepest, limit, deep[0]);
    }
}
