using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(一): the report speaks of the company in the third person. A self-reference (我们, 我公司,
/// 本公司…) counts; 我国/我省 does not, nor 自我 (自我部署), nor anything inside quotation marks (a quoted slogan or
/// interview).</summary>
internal sealed class FirstPersonRule : IReportRule
{
    private const int MaxExamples = 5;

    public void Check(ReportCheck check, FindingSink findings)
    {
        var terms = check.RuleSet.FirstPersonTerms ?? [];
        var exceptions = check.RuleSet.FirstPersonExceptions ?? [];
        var hits = new List<(ReportParagraph Paragraph, string Term, int At)>();
        foreach (var p in check.Document.Paragraphs)
        {
            if (p.Kind is ParagraphKind.Empty or ParagraphKind.TocEntry or ParagraphKind.TocHeading or ParagraphKind.Title or ParagraphKind.CompanyLine)
            {
                continue;
            }

            FindIn(p, terms, exceptions, hits);
        }

        if (hits.Count == 0)
        {
            return;
        }

        var examples = string.Join("；", hits.Take(MaxExamples).Select(h =>
            $"{h.Paragraph.Section ?? "正文前"}第 {h.Paragraph.Index + 1} 段“{Around(h.Paragraph.Text, h.At, h.Term.Length)}”"));
        var first = hits[0].Paragraph;
        findings.Add(FindingCodes.FirstPerson, Severity.Error,
            $"案例报告使用第一人称（{string.Join("、", hits.Select(h => h.Term).Distinct())}）{hits.Count} 处，应使用第三人称",
            examples + (hits.Count > MaxExamples ? $"；另有 {hits.Count - MaxExamples} 处" : ""), hits.Count, 0, first);
    }

    private static void FindIn(ReportParagraph p, IReadOnlyList<string> terms, IReadOnlyList<string> exceptions,
        List<(ReportParagraph, string, int)> hits)
    {
        var text = p.Text;
        var quoteDepth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '「' or '『' or '‘')
            {
                quoteDepth++;
                continue;
            }

            if (c is '”' or '」' or '』' or '’')
            {
                quoteDepth = Math.Max(0, quoteDepth - 1);
                continue;
            }

            if (c == '"')
            {
                // Straight quotes open and close alike.
                quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : quoteDepth + 1;
                continue;
            }

            if (quoteDepth > 0)
            {
                continue;
            }

            foreach (var term in terms)
            {
                if (string.CompareOrdinal(text, i, term, 0, term.Length) == 0 &&
                    !exceptions.Any(e => string.CompareOrdinal(text, i, e, 0, e.Length) == 0) &&
                    !(term[0] == '我' && i > 0 && text[i - 1] == '自'))
                {
                    hits.Add((p, term, i));
                    i += term.Length - 1;
                    break;
                }
            }
        }
    }

    private static string Around(string text, int at, int length)
    {
        var start = Math.Max(0, at - 12);
        var end = Math.Min(text.Length, at + length + 12);
        return (start > 0 ? "…" : "") + text[start..end].Replace('\n', ' ') + (end < text.Length ? "…" : "");
    }
}
