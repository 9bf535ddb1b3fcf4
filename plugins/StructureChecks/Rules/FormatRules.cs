using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(三): 一级标题 黑体小三, 二三级标题 宋体四号加粗 — warned when more than the rule set's share of the
/// headings is off (the title and the company line are <see cref="FormatTitleRule"/>'s).</summary>
internal sealed class FormatHeadingsRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var document = check.Document;
        if (!document.HasFormatting)
        {
            return;
        }

        var rules = check.RuleSet.Format;
        var checkedCount = 0;
        var off = new List<(ReportParagraph Paragraph, string Problem, FontSpec Spec)>();
        foreach (var heading in document.BodyHeadings)
        {
            var spec = heading.Level switch { 1 => rules.Heading1, 2 => rules.Heading2, 3 => rules.Heading3, _ => null };
            if (spec is null || heading.Format is null)
            {
                continue;
            }

            checkedCount++;
            if (FontSpecMatcher.Deviation(heading.Format, spec, rules) is { } problem)
            {
                off.Add((heading, problem, spec));
            }
        }

        var share = checkedCount == 0 ? 0 : (double)off.Count / checkedCount;
        if (off.Count == 0 || share <= rules.MismatchShare)
        {
            return;
        }

        findings.Add(FindingCodes.FormatHeadings,
            $"标题格式不符合要求：{off.Count}/{checkedCount} 个标题字体或字号不对",
            $"{Examples(off)}；比例 {share:P0}，阈值 {rules.MismatchShare:P0}", Math.Round(share, 3), rules.MismatchShare,
            off[0].Paragraph);
    }

    internal static string Examples(IEnumerable<(ReportParagraph Paragraph, string Problem, FontSpec Spec)> off) =>
        string.Join("；", off.Take(4).Select(o =>
            $"第 {o.Paragraph.Index + 1} 段“{FindingSink.Excerpt(o.Paragraph.Text, 20)}”{o.Problem}（应为 {FontSpecMatcher.Describe(o.Spec)}）"));
}

/// <summary>附件2 二(三): the title 黑体三号 centred and the company line (案例申报企业全称) 楷体小三号 centred, as styles and
/// direct formatting resolve them. There is one of each, so either one off warns.</summary>
internal sealed class FormatTitleRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var document = check.Document;
        if (!document.HasFormatting)
        {
            return;
        }

        var rules = check.RuleSet.Format;
        var off = new List<(ReportParagraph Paragraph, string Problem, FontSpec Spec)>();
        foreach (var (paragraph, spec) in new[] { (document.Title, rules.Title), (document.CompanyLine, rules.CompanyLine) })
        {
            if (paragraph?.Format is { } format && FontSpecMatcher.Deviation(format, spec, rules) is { } problem)
            {
                off.Add((paragraph, problem, spec));
            }
        }

        if (off.Count == 0)
        {
            return;
        }

        var which = string.Join("和", off.Select(o => o.Paragraph.Kind == ParagraphKind.Title ? "题目" : "企业名称"));
        findings.Add(FindingCodes.FormatTitle, $"{which}格式不符合要求", FormatHeadingsRule.Examples(off), off.Count, 0,
            off[0].Paragraph, "题目");
    }
}

/// <summary>附件2 二(三): 正文 宋体四号, 1.5 倍行距 — warned when more than the rule set's share of the body text
/// (by 字数) is set otherwise; captions and table cells are not body text.</summary>
internal sealed class FormatBodyRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var document = check.Document;
        if (!document.HasFormatting)
        {
            return;
        }

        var rules = check.RuleSet.Format;
        var total = 0;
        var offWeight = 0;
        var reasons = new Dictionary<string, int>();
        ReportParagraph? first = null;
        string? firstProblem = null;
        foreach (var p in document.Paragraphs)
        {
            if (p is not { InBody: true, Kind: ParagraphKind.Body, Format: { } format })
            {
                continue;
            }

            var weight = WordCounter.Count(p.Text);
            total += weight;
            var problems = new List<string>();
            if (FontSpecMatcher.Deviation(format, rules.Body, rules) is { } fontProblem)
            {
                problems.Add(fontProblem);
            }

            if (format.LineSpacing is { } spacing && Math.Abs(spacing - rules.BodyLineSpacing) > rules.LineSpacingTolerance)
            {
                problems.Add($"行距 {spacing:0.##} 倍≠{rules.BodyLineSpacing:0.##} 倍");
            }

            if (problems.Count == 0)
            {
                continue;
            }

            offWeight += weight;
            foreach (var problem in problems)
            {
                var kind = problem.Split(' ')[0];
                reasons[kind] = reasons.GetValueOrDefault(kind) + weight;
            }

            if (first is null)
            {
                first = p;
                firstProblem = string.Join("，", problems);
            }
        }

        var share = total == 0 ? 0 : (double)offWeight / total;
        if (first is null || share <= rules.MismatchShare)
        {
            return;
        }

        var breakdown = string.Join("，", reasons.Select(r => $"{r.Key}不符 {r.Value} 字"));
        findings.Add(FindingCodes.FormatBody,
            $"正文格式不符合要求（应为 {FontSpecMatcher.Describe(rules.Body)}，{rules.BodyLineSpacing:0.##} 倍行距）：{share:P0} 的正文不符",
            $"正文共 {total} 字，其中 {offWeight} 字不符（{breakdown}）；首处：{first.Section ?? "正文"}第 {first.Index + 1} 段“{FindingSink.Excerpt(first.Text, 20)}”{firstProblem}；阈值 {rules.MismatchShare:P0}；{FindingSink.CountNote}",
            Math.Round(share, 3), rules.MismatchShare, first);
    }
}

/// <summary>附件2 二(三): A4 portrait paper in every section.</summary>
internal sealed class FormatPageRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (!check.Document.HasFormatting)
        {
            return;
        }

        var rules = check.RuleSet.Format;
        var off = check.Document.Pages.Where(p => p.Landscape ||
            Math.Abs(p.WidthMm - rules.PageWidthMm) > rules.PageToleranceMm ||
            Math.Abs(p.HeightMm - rules.PageHeightMm) > rules.PageToleranceMm).ToList();
        if (off.Count == 0)
        {
            return;
        }

        var details = string.Join("；", off.Select(p => $"第 {p.Section} 节 {p.WidthMm:0.#}×{p.HeightMm:0.#} mm{(p.Landscape ? " 横向" : "")}"));
        findings.Add(FindingCodes.FormatPage, "页面不是 A4 纵向",
            $"{details}（应为 {rules.PageWidthMm:0}×{rules.PageHeightMm:0} mm 纵向）", off.Count, 0, section: "页面设置");
    }
}
