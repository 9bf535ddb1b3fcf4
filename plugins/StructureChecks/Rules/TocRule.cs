using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(一): a 目录 — a TOC field, a 目录 building block, or typed entries with page numbers.</summary>
internal sealed class TocRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (check.Measurement.Report.HasToc)
        {
            return;
        }

        var lonelyHeading = check.Document.Paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.TocHeading);
        var evidence = lonelyHeading is null
            ? "题目与“一、企业概况”之间没有目录（无目录域，也无带页码的目录条目）"
            : "有“目录”二字，但其后没有目录条目（无目录域，也无带页码的条目）";
        findings.Add(FindingCodes.NoToc, "案例报告没有目录", evidence, at: lonelyHeading, section: "目录");
    }
}
