using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Packages;

namespace CaseIngest.Core.Tests.PageRanges;

/// <summary>Issue #17: how a PDF's pages, each showing a role or nothing telling (null), become page ranges.</summary>
public sealed class PdfPageRolesTests
{
    private const FileRole R = FileRole.Report;
    private const FileRole F = FileRole.Form;
    private const FileRole S = FileRole.StampPage;

    [Fact]
    public void Split_BodyPagesWithoutHeadings_BelongToTheDocumentBefore()
    {
        var ranges = PdfPageRoles.Split([R, null, null, F, null, S]);

        Assert.Equal([new PageRange(1, 3, R), new PageRange(4, 5, F), new PageRange(6, 6, S)], ranges);
    }

    [Fact]
    public void Split_CoverWithoutTextFirst_BelongsToTheDocumentAfter()
    {
        var ranges = PdfPageRoles.Split([null, R, null, F]);

        Assert.Equal([new PageRange(1, 3, R), new PageRange(4, 4, F)], ranges);
    }

    [Fact]
    public void Split_PicturePageInsideTheReport_IsReportNotSignaturePage()
    {
        var ranges = PdfPageRoles.Split([R, null, S, S, null, R, F, S]);

        Assert.Equal([new PageRange(1, 6, R), new PageRange(7, 7, F), new PageRange(8, 8, S)], ranges);
    }

    [Fact]
    public void Split_ScanBetweenFormAndReport_StaysSignaturePage()
    {
        var ranges = PdfPageRoles.Split([F, F, S, R, null]);

        Assert.Equal([new PageRange(1, 2, F), new PageRange(3, 3, S), new PageRange(4, 5, R)], ranges);
    }

    [Fact]
    public void Split_OneDocument_OneRange()
    {
        Assert.Equal([new PageRange(1, 3, R)], PdfPageRoles.Split([R, null, null]));
        Assert.Equal([new PageRange(1, 2, S)], PdfPageRoles.Split([S, S]));
    }
}
