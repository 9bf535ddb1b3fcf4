using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>
/// The one behaviour every reader of .docx text now shares (FormFields and StructureChecks used to differ on tabs,
/// breaks and hidden text): a tab is <c>\t</c>, a line break <c>\n</c>, a page break no character; fields show their
/// result; hidden text, deleted revisions and field instructions are not text.
/// </summary>
public sealed class VisibleTextTests
{
    private static string Single(string paragraphXml, string? styles = null) =>
        Assert.Single(DocxFile.Paragraphs(DocxFile.FromBody(paragraphXml, styles)));

    [Fact]
    public void Read_TabsAndPositionalTabs_AreTabCharacters() =>
        Assert.Equal("案例名称\t智能排产\t1",
            Single("<w:p><w:r><w:t>案例名称</w:t><w:tab/><w:t>智能排产</w:t><w:ptab w:relativeTo=\"margin\" w:alignment=\"right\" w:leader=\"none\"/><w:t>1</w:t></w:r></w:p>"));

    [Fact]
    public void Read_LineBreakAndCarriageReturn_AreNewLines() =>
        Assert.Equal("第一行\n第二行\n第三行",
            Single("<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>"));

    [Fact]
    public void Read_PageAndColumnBreaks_AddNoCharacterButAreNoted()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            "<w:p><w:r><w:br w:type=\"page\"/><w:t>一、企业概况</w:t><w:br w:type=\"column\"/></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p>"));

        var paragraphs = document.AllParagraphs().ToList();
        Assert.Equal("一、企业概况", paragraphs[0].Text);
        Assert.True(paragraphs[0].HasPageBreak);
        Assert.False(paragraphs[1].HasPageBreak);
    }

    [Fact]
    public void Read_NoBreakHyphenAndSoftHyphen_HyphenShownSoftHyphenNot() =>
        Assert.Equal("0551-65862317", Single("<w:p><w:r><w:t>0551</w:t><w:noBreakHyphen/><w:t>658</w:t><w:softHyphen/><w:t>62317</w:t></w:r></w:p>"));

    [Fact]
    public void Read_ComplexField_ResultShownInstructionNot() =>
        Assert.Equal("见第 3 页",
            Single("<w:p><w:r><w:t xml:space=\"preserve\">见第 </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
                   "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   "<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p>"));

    [Fact]
    public void Read_FieldNestedInAnInstruction_ItsResultIsPartOfTheInstruction() =>
        // IF { MERGEFIELD 类型 } = "A" "甲" "乙": the nested field's result "A" is never shown, the IF's result is.
        Assert.Equal("甲",
            Single("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> IF </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> MERGEFIELD 类型 </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>A</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                   "<w:r><w:instrText xml:space=\"preserve\"> = \"A\" \"甲\" \"乙\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   "<w:r><w:t>甲</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));

    [Fact]
    public void Read_FieldWithoutResult_ShowsNothing() =>
        Assert.Equal("前后",
            Single("<w:p><w:r><w:t>前</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> XE \"索引\" </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>后</w:t></w:r></w:p>"));

    [Fact]
    public void Read_SimpleField_ShowsItsResult() =>
        Assert.Equal("共 12 页", Single("<w:p><w:r><w:t xml:space=\"preserve\">共 </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>12</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p>"));

    [Fact]
    public void Read_TocFieldOverParagraphs_EntriesMarkedAndTheParagraphAfterNot()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>一、企业概况</w:t><w:tab/><w:t>2</w:t></w:r></w:p>" +
            "<w:p><w:r><w:t>二、案例内容</w:t><w:tab/><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
            "<w:p><w:r><w:t>一、企业概况</w:t></w:r></w:p>"));

        var paragraphs = document.AllParagraphs().ToList();
        Assert.True(document.HasTableOfContents);
        Assert.Equal(["一、企业概况\t2", "二、案例内容\t3", "一、企业概况"], paragraphs.Select(p => p.Text));
        Assert.Equal([true, true, false], paragraphs.Select(p => p.InTableOfContents));
    }

    [Fact]
    public void Read_HiddenText_DirectCharacterStyleAndParagraphStyle_LeftOut()
    {
        const string styles =
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:vanish/></w:rPr></w:style>" +
            "<w:style w:type=\"character\" w:styleId=\"Secret\"><w:name w:val=\"Secret\"/><w:rPr><w:vanish/></w:rPr></w:style>";
        var docx = DocxFile.FromBody(
            "<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>直接隐藏</w:t></w:r>" +
            "<w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>样式隐藏</w:t><w:tab/></w:r></w:p>" +
            "<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr><w:r><w:t>段落样式隐藏</w:t></w:r>" +
            "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>又显示</w:t></w:r></w:p>", styles);

        Assert.Equal(["看得见", "又显示"], DocxFile.Paragraphs(docx));
    }

    [Fact]
    public void Read_TrackedChanges_InsertedAndMovedToKeptDeletedAndMovedFromDropped() =>
        Assert.Equal("保留插入移到",
            Single("<w:p><w:r><w:t>保留</w:t></w:r><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>插入</w:t></w:r></w:ins>" +
                   "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>" +
                   "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>" +
                   "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>移到</w:t></w:r></w:moveTo></w:p>"));

    [Fact]
    public void Read_HyperlinksContentControlsSmartTagsAndRuby_TheirTextShown() =>
        Assert.Equal("网址示例控件内容重庆",
            Single("<w:p><w:hyperlink r:id=\"\" w:anchor=\"x\"><w:r><w:t>网址示例</w:t></w:r></w:hyperlink>" +
                   "<w:sdt><w:sdtPr><w:alias w:val=\"a\"/></w:sdtPr><w:sdtContent><w:r><w:t>控件内容</w:t></w:r></w:sdtContent></w:sdt>" +
                   "<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val=\"center\"/><w:hps w:val=\"10\"/><w:hpsRaise w:val=\"18\"/><w:hpsBaseText w:val=\"21\"/><w:lid w:val=\"zh-CN\"/></w:rubyPr>" +
                   "<w:rt><w:r><w:t>chóng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>重</w:t></w:r></w:rubyBase></w:ruby></w:r>" +
                   "<w:r><w:t>庆</w:t></w:r></w:p>"));

    [Fact]
    public void Read_Checkboxes_EveryKindAsTickedOrUnticked() =>
        // A content control by its state (not its glyph), a legacy form field by w:checked over w:default, Wingdings symbols.
        Assert.Equal("☑A☐B☑C☐D☑E",
            Single("<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>" +
                   "<w:r><w:t>A</w:t></w:r>" +
                   "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"0\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>" +
                   "<w:r><w:t>B</w:t></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>" +
                   "<w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                   "<w:r><w:t>C</w:t></w:r><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0A8\"/><w:t>D</w:t></w:r>" +
                   "<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\u00fe</w:t></w:r><w:r><w:t>E</w:t></w:r></w:p>"));

    [Fact]
    public void Read_Runs_CarryTheirResolvedFormat()
    {
        const string styles =
            "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/></w:rPr></w:rPrDefault></w:docDefaults>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>";
        var document = DocxFile.Read(DocxFile.FromBody(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>一、企业概况</w:t></w:r>" +
            "<w:r><w:rPr><w:rFonts w:eastAsia=\"楷体\"/><w:b w:val=\"0\"/></w:rPr><w:t>（续）</w:t></w:r></w:p>" +
            "<w:p><w:r><w:t>正文</w:t></w:r></w:p>", styles));

        var (heading, body) = (document.AllParagraphs().First(), document.AllParagraphs().Last());
        Assert.Equal("Heading1", heading.StyleId);
        Assert.Equal(0, heading.OutlineLevel);
        Assert.Equal("center", heading.Alignment);
        Assert.Equal([new RunFormat("黑体", null, 16, true, false), new RunFormat("楷体", null, 16, false, false)], heading.Runs.Select(r => r.Format));
        Assert.Equal(new RunFormat("宋体", null, 10.5, false, false), Assert.Single(body.Runs).Format);
        Assert.Null(body.OutlineLevel);
    }

    [Fact]
    public void Read_AutomaticNumbering_RenderedAsTheListLabel()
    {
        const string numbering =
            "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>" +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
        string Numbered(string text, int level) =>
            $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        var document = DocxFile.Read(DocxFile.FromBody(
            Numbered("企业概况", 0) + Numbered("案例内容", 0) + Numbered("应用场景", 1) + Numbered("技术能力", 1) + Numbered("绩效表现", 0),
            numberingXml: numbering));

        Assert.Equal(["一、企业概况", "二、案例内容", "（一）应用场景", "（二）技术能力", "三、绩效表现"],
            document.AllParagraphs().Select(p => p.ListLabel + p.Text));
    }

    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(12, "chineseCounting", "十二")]
    [InlineData(20, "chineseCounting", "二十")]
    [InlineData(3, "decimal", "3")]
    [InlineData(2, "decimalEnclosedCircle", "②")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(2, "lowerLetter", "b")]
    [InlineData(3, "ideographTraditional", "丙")]
    [InlineData(5, "decimalFullWidth", "５")]
    public void Format_NumberFormat_RendersLikeWord(int value, string format, string expected) =>
        Assert.Equal(expected, NumberingRenderer.Format(value, format));

    [Fact]
    public void Read_Sections_PaperInMillimetres()
    {
        var document = DocxFile.Read(DocxFile.FromBody(
            "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:pPr><w:r><w:t>竖</w:t></w:r></w:p>" +
            "<w:p><w:r><w:t>横</w:t></w:r></w:p><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>"));

        Assert.Equal([new DocxSection(210, 297, false), new DocxSection(297, 210, true)], document.Sections);
    }

    [Fact]
    public void Read_NoBody_DefectNamed()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document();
        }

        stream.Position = 0;
        var error = Assert.Throws<DocxDefectException>(() => DocxReader.Read(stream));
        Assert.Equal(DocxDefect.NoBody, error.Defect);
    }
}
