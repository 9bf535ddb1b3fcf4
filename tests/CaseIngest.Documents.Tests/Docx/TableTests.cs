using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>Tables cell by cell, on the table grid, through content controls and custom XML.</summary>
public sealed class TableTests
{
    [Fact]
    public void Read_Table_CellsOnTheGridWithMergesAndNestedTables()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>" +
            "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + WordMarkup.Paragraph("联系人") + "</w:tc>" +
            "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + WordMarkup.Paragraph("张三") + WordMarkup.Paragraph("李四") + "</w:tc></w:tr>" +
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" +
            "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" +
            "<w:tc><w:tbl><w:tr><w:tc>" + WordMarkup.Paragraph("内表") + "</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:sdtContent></w:sdt>" +
            "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr><w:tc>" + WordMarkup.Paragraph("已删行") + "</w:tc></w:tr>" +
            "</w:tbl>"));

        var table = Assert.IsType<DocxTable>(Assert.Single(document.Blocks));
        Assert.Equal(2, table.Rows.Count);
        var (first, second) = (table.Rows[0], table.Rows[1]);
        Assert.Equal([1, 2], first.Cells.Select(c => c.GridSpan));
        Assert.Equal(["联系人"], first.Cells[0].Blocks.Cast<DocxParagraph>().Select(p => p.Text));
        Assert.Equal(["张三", "李四"], first.Cells[1].Blocks.Cast<DocxParagraph>().Select(p => p.Text));
        Assert.Equal(1, second.GridBefore);
        Assert.Equal([false, true], new[] { first.Cells[0].ContinuesMergeAbove, second.Cells[0].ContinuesMergeAbove });
        Assert.IsType<DocxTable>(second.Cells[1].Blocks[0]);
        Assert.Equal(["联系人", "张三", "李四", "", "内表", ""], document.AllParagraphs().Select(p => p.Text));
        Assert.All(document.AllParagraphs(), p => Assert.True(p.Place.InTable));
    }
}
