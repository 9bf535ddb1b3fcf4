using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>
/// The same document as the OpenXml SDK writes it and as LibreOffice saves it (<c>soffice --convert-to docx</c>, the
/// way an applicant's LibreOffice or WPS rewrites a form): LibreOffice writes text boxes, fields, breaks and revisions
/// in its own markup, and the visible text must not change.
/// </summary>
public sealed class LibreOfficeDocxTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("documents-lo-");

    private static readonly string s_body =
        WordMarkup.Paragraph("智能排产与质量管控的数字化实践") +
        $"<w:p>{WordMarkup.TextBoxRun(WordMarkup.Paragraph("一、企业概况"))}</w:p>" +
        WordMarkup.Paragraph("公司是一家精密零部件制造企业。") +
        "<w:p><w:r><w:t>联系人</w:t><w:tab/><w:t>张三</w:t><w:br/><w:t>电话</w:t></w:r>" +
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏备注</w:t></w:r>" +
        "<w:ins w:id=\"1\" w:author=\"审校\" w:date=\"2026-07-01T00:00:00Z\"><w:r><w:t>新增</w:t></w:r></w:ins>" +
        "<w:del w:id=\"2\" w:author=\"审校\" w:date=\"2026-07-01T00:00:00Z\"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>" +
        "<w:p><w:r><w:t xml:space=\"preserve\">共 </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
        "<w:r><w:instrText xml:space=\"preserve\"> QUOTE \"12\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
        "<w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p>" +
        "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" +
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>" +
        $"<w:tr><w:tc>{WordMarkup.Paragraph("指标")}</w:tc><w:tc>{WordMarkup.Paragraph("实施后")}</w:tc></w:tr>" +
        $"<w:tr><w:tc>{WordMarkup.Paragraph("用时")}</w:tc><w:tc>{WordMarkup.Paragraph("半小时")}</w:tc></w:tr></w:tbl>" +
        WordMarkup.Paragraph("二、案例内容");

    private static readonly string[] s_expected =
    [
        "智能排产与质量管控的数字化实践", "一、企业概况", "", "公司是一家精密零部件制造企业。", "联系人\t张三\n电话新增", "共 12 页", "",
        "指标", "实施后", "用时", "半小时", "二、案例内容",
    ];

    [Fact]
    public void Read_WrittenByTheSdk_TheVisibleText() =>
        Assert.Equal(s_expected, DocxFile.Paragraphs(DocxFile.FromBody(s_body)));

    [LibreOfficeFact]
    public async Task Read_SavedByLibreOffice_SameVisibleTextTextBoxOnce()
    {
        var original = _folder.File("original.docx");
        await File.WriteAllBytesAsync(original, DocxFile.FromBody(s_body));
        var output = Directory.CreateDirectory(Path.Combine(_folder.Path, "lo")).FullName;

        var converted = Assert.Single(await LibreOffice.ConvertAsync([original], output, "docx"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(converted))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            // Guards the test itself: LibreOffice must have written the box twice, or "once" proves nothing.
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(await reader.ReadToEndAsync(), "一、企业概况"));
        }

        var paragraphs = DocxFile.Paragraphs(await File.ReadAllBytesAsync(converted)).Where(p => p.Length > 0).ToList();
        Assert.Equal(s_expected.Where(p => p.Length > 0), paragraphs);
    }

    public void Dispose() => _folder.Dispose();
}
