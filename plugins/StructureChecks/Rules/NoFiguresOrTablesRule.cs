using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一 "图文并茂": noted when the report holds neither a table nor a picture. A PDF's tables and pictures
/// are not read, so only a .docx is judged.</summary>
internal sealed class NoFiguresOrTablesRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var document = check.Document;
        if (!document.HasFormatting || document.TableCount > 0 || document.PictureCount > 0)
        {
            return;
        }

        findings.Add(FindingCodes.NoFiguresOrTables, "案例报告没有表格或图片",
            $"“{document.FileName}”中表格 0 个、图片 0 张（通知要求图文并茂）", 0, 1, section: "正文");
    }
}
