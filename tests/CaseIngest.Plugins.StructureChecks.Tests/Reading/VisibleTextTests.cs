using CaseIngest.Plugins.StructureChecks.Reading.Docx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.StructureChecks.Tests.Reading;

/// <summary>The report reads .docx text through the shared documents library: tabs, breaks, fields, hidden text and
/// tracked changes as every other reader sees them.</summary>
public sealed class VisibleTextTests
{
    [Fact]
    public void Read_SharedSample_TheOneVisibleText()
    {
        var paragraph = Assert.Single(DocxReportReader.Read(Docx(VisibleTextSample.ParagraphXml), "案例报告.docx", 40, 0).Paragraphs);

        Assert.Equal(VisibleTextSample.Text, paragraph.Text);
    }

    [Fact]
    public void Read_NoBody_SaysSoNamingTheFile()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document();
        }

        var error = Assert.Throws<CaseIngest.Plugins.StructureChecks.Reading.ReportUnreadableException>(
            () => DocxReportReader.Read(stream.ToArray(), "案例报告.docx", 40, 0));

        Assert.Equal("案例报告“案例报告.docx”的 word/document.xml 没有正文（w:body）。", error.Message);
    }

    private static byte[] Docx(string bodyXml)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(WordMarkup.Document(bodyXml));
        }

        return stream.ToArray();
    }
}
