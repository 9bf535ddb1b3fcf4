using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>Text boxes, shapes and frames: read once (Word writes each twice, DrawingML and VML), where they are
/// anchored, as paragraphs of their own.</summary>
public sealed class TextBoxTests
{
    [Fact]
    public void Read_FloatingTextBox_ItsParagraphsOnceBeforeTheAnchorParagraph()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            WordMarkup.Paragraph("前文") +
            $"<w:p>{WordMarkup.TextBoxRun(WordMarkup.Paragraph("一、企业概况") + WordMarkup.Paragraph("副标题"))}<w:r><w:t>锚段正文</w:t></w:r></w:p>" +
            WordMarkup.Paragraph("后文")));

        var paragraphs = document.AllParagraphs().ToList();
        Assert.Equal(["前文", "一、企业概况", "副标题", "锚段正文", "后文"], paragraphs.Select(p => p.Text));
        Assert.Equal([false, true, true, false, false], paragraphs.Select(p => p.Place.InTextBox));
        Assert.Equal(0, document.PictureCount);
    }

    [Fact]
    public void Read_InlineTextBox_AfterTheTextOfItsParagraph() =>
        Assert.Equal(["见下框：", "框内文字", "后文"],
            DocxFile.Paragraphs(DocxFile.FromBody(
                $"<w:p><w:r><w:t>见下框：</w:t></w:r>{WordMarkup.TextBoxRun(WordMarkup.Paragraph("框内文字"), floating: false)}</w:p>" +
                WordMarkup.Paragraph("后文"))));

    [Fact]
    public void Read_FallbackOnly_ReadFromTheVml()
    {
        var vmlOnly = "<w:p><w:r><w:pict><v:shape id=\"b\" style=\"position:absolute;width:100pt;height:30pt\"><v:textbox><w:txbxContent>" +
                      WordMarkup.Paragraph("旧版文本框") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";

        Assert.Equal(["旧版文本框", ""], DocxFile.Paragraphs(DocxFile.FromBody(vmlOnly)));
    }

    [Fact]
    public void Read_TextBoxInATableCell_InTheCellAndMarkedSo()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            $"<w:tbl><w:tr><w:tc><w:p>{WordMarkup.TextBoxRun(WordMarkup.Paragraph("格中框"))}<w:r><w:t>格中文</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"));

        var cell = Assert.Single(Assert.Single(Assert.IsType<DocxTable>(Assert.Single(document.Blocks)).Rows).Cells);
        var paragraphs = cell.Blocks.Cast<DocxParagraph>().ToList();
        Assert.Equal(["格中框", "格中文"], paragraphs.Select(p => p.Text));
        Assert.Equal(new DocxPlace(InTable: true, InTextBox: true), paragraphs[0].Place);
    }

    [Fact]
    public void Read_TextBoxInsideAFieldResult_ItsOwnStoryUnaffectedByTheField() =>
        // The box sits in a field's instruction part (hidden there) but is a story of its own: its text shows.
        Assert.Equal(["框内", "结果"],
            DocxFile.Paragraphs(DocxFile.FromBody(
                $"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>{WordMarkup.TextBoxRun(WordMarkup.Paragraph("框内"))}" +
                "<w:r><w:instrText> QUOTE \"结果\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                "<w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")));

    [Fact]
    public void Read_PictureAndChart_CountedOnceEachTextBoxesNot()
    {
        var picture = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/>" +
                      "<wp:docPr id=\"9\" name=\"Picture 9\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/></a:graphic>" +
                      "</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id=\"p\" style=\"width:1pt;height:1pt\"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var chart = "<w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"8\" name=\"Chart 8\"/><a:graphic>" +
                    "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/></a:graphic></wp:inline></w:drawing></w:r>";
        var document = DocxFile.Read(DocxFile.FromBody($"<w:p>{picture}{chart}{WordMarkup.TextBoxRun(WordMarkup.Paragraph("说明"))}</w:p>"));

        Assert.Equal(2, document.PictureCount);
    }
}
