using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>Styles are found where the styles part says they start, however the part is laid out: styles.xml as other
/// tools write it (indented, CR LF line ends, another prefix for WordprocessingML) reads as Word's one-line part does.</summary>
public sealed class StylePartLayoutTests
{
    [Theory]
    [InlineData("\r\n", "w")]
    [InlineData("\n", "x")]
    [InlineData("\r", "wp")]
    public void Read_StylesPartIndentedWithOtherLineEndsAndPrefix_StylesResolvedAsFromWordsOneLinePart(string lineEnd, string prefix)
    {
        var styles = string.Join(lineEnd,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
            $"<{prefix}:styles xmlns:{prefix}=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
            $"  <{prefix}:docDefaults><{prefix}:rPrDefault><{prefix}:rPr><{prefix}:sz {prefix}:val=\"21\"/></{prefix}:rPr></{prefix}:rPrDefault></{prefix}:docDefaults>",
            $"  <{prefix}:style {prefix}:type=\"paragraph\" {prefix}:default=\"1\" {prefix}:styleId=\"Normal\">",
            $"    <{prefix}:name {prefix}:val=\"Normal\"/>",
            $"  </{prefix}:style>",
            $"  <{prefix}:style {prefix}:type=\"paragraph\" {prefix}:styleId=\"Heading2\">",
            $"    <{prefix}:name {prefix}:val=\"heading 2\"/>",
            $"    <{prefix}:basedOn {prefix}:val=\"Normal\"/>",
            $"    <{prefix}:rPr><{prefix}:b/><{prefix}:sz {prefix}:val=\"30\"/></{prefix}:rPr>",
            $"  </{prefix}:style>",
            $"</{prefix}:styles>");
        var docx = DocxFile.WithPart<StyleDefinitionsPart>(DocxFile.FromBody(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>（一）企业概况</w:t></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p>"), styles);

        var paragraphs = DocxFile.Read(docx).AllParagraphs().ToList();

        Assert.Equal(1, paragraphs[0].OutlineLevel);
        Assert.Equal(new RunFormat(null, null, 15, true, false), Assert.Single(paragraphs[0].Runs).Format);
        Assert.Equal("Normal", paragraphs[1].StyleId);
        Assert.Equal(10.5, Assert.Single(paragraphs[1].Runs).Format.SizePt);
    }
}
