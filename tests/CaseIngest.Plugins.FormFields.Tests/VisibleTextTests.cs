using CaseIngest.Plugins.FormFields.Layout;
using CaseIngest.Plugins.FormFields.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The form reads .docx text through the shared documents library: tabs, breaks, fields, hidden text and
/// tracked changes as every other reader sees them.</summary>
public sealed class VisibleTextTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-text-");

    [Fact]
    public void Read_SharedSampleInACell_TheOneVisibleText()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(WordMarkup.Document($"<w:tbl><w:tr><w:tc>{VisibleTextSample.ParagraphXml}</w:tc></w:tr></w:tbl>"));
        }

        stream.Position = 0;
        var row = Assert.Single(new DocxLayoutReader().Read(stream).Rows);

        Assert.Equal(VisibleTextSample.Text, Assert.Single(row.Cells).Text);
    }

    [Fact]
    public async Task RunAsync_HiddenAndDeletedTextInValues_NotPartOfTheValues()
    {
        var spec = new FormSpec();
        var path = FormDocxBuilder.Write(spec, _dir.Path);
        using (var document = WordprocessingDocument.Open(path, isEditable: true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var caseName = body.Descendants<Text>().First(t => t.Text == spec.CaseName).Parent!;
            caseName.InsertAfterSelf(new Run(new RunProperties(new Vanish()), new Text("（内部草稿，勿报）")));
            var applicant = body.Descendants<Text>().First(t => t.Text == spec.Applicant).Parent!;
            applicant.InsertAfterSelf(new DeletedRun(new Run(new DeletedText("筹备组"))) { Id = "1", Author = "审校" });
        }

        var record = await FormStepRunner.RunOnFileAsync(path);

        Assert.Equal(spec.CaseName, record.Form!.CaseName);
        Assert.Equal(spec.Applicant, record.Form.Applicant);
        Assert.Empty(record.Findings);
    }

    public void Dispose() => _dir.Dispose();
}
