using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>A paragraph's line spacing as the format rules read it: its own <c>w:spacing</c> when that sets a line, else
/// its style chain's, else the document's default; exact and at-least spacing converted against the font size. (That a
/// paragraph keeps only what its spacing says, not its <c>w:pPr</c> element, is not asserted here: the memory it saves
/// is measured in docs/BENCHMARKS.md, session 17.)</summary>
public sealed class LineSpacingTests
{
    private const string Styles =
        "<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"Body\"/><w:pPr><w:spacing w:line=\"480\" w:lineRule=\"auto\"/></w:pPr></w:style>";

    private static double? SpacingOf(string paragraphXml, double sizePt = 16) =>
        Assert.Single(DocxFile.Read(DocxFile.FromBody(paragraphXml, Styles)).AllParagraphs()).LineSpacing(sizePt);

    [Fact]
    public void LineSpacing_DirectAutoSpacing_IsItsMultiple() =>
        Assert.Equal(1.5, SpacingOf("<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr><w:r><w:t>一点五倍</w:t></w:r></w:p>"));

    [Fact]
    public void LineSpacing_DirectExactSpacing_IsConvertedAgainstTheFontSize() =>
        Assert.Equal(28 / (16 * 1.3), SpacingOf("<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr><w:r><w:t>固定值二十八磅</w:t></w:r></w:p>")!.Value, 6);

    [Fact]
    public void LineSpacing_DirectSpacingWithoutALine_FallsBackToTheStyle() =>
        Assert.Equal(2.0, SpacingOf("<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:spacing w:before=\"120\"/></w:pPr><w:r><w:t>段前六磅</w:t></w:r></w:p>"));

    [Fact]
    public void LineSpacing_NothingDirectNorStyled_IsTheDocumentDefault() =>
        Assert.Equal(1.25, SpacingOf("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"));
}
