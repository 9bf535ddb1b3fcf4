namespace CaseIngest.Testing;

/// <summary>WordprocessingML written the way Word writes it, for documents built in tests with the OpenXml SDK
/// (<c>new Paragraph(outerXml)</c>, <c>new Document(outerXml)</c>): the namespaces, and text boxes as Word 2010+
/// saves them — DrawingML in <c>mc:Choice</c> with the same box as VML in <c>mc:Fallback</c>.</summary>
public static class WordMarkup
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:o=\"urn:schemas-microsoft-com:office:office\" " +
        "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

    /// <summary>A <c>w:document</c> around the body's inner XML.</summary>
    public static string Document(string bodyXml) =>
        $"<w:document {Namespaces} mc:Ignorable=\"w14\"><w:body>{bodyXml}</w:body></w:document>";

    /// <summary>A paragraph of one run of text (xml-escaped by the caller where needed).</summary>
    public static string Paragraph(string text, string runProperties = "", string paragraphProperties = "") =>
        $"<w:p>{(paragraphProperties.Length > 0 ? $"<w:pPr>{paragraphProperties}</w:pPr>" : "")}" +
        $"<w:r>{(runProperties.Length > 0 ? $"<w:rPr>{runProperties}</w:rPr>" : "")}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A run holding a text box with <paramref name="boxParagraphsXml"/> (its paragraphs), floating
    /// (<c>wp:anchor</c>) or inline, written twice like Word does: DrawingML choice, VML fallback.</summary>
    public static string TextBoxRun(string boxParagraphsXml, bool floating = true, int id = 1)
    {
        var extent = "<wp:extent cx=\"2743200\" cy=\"457200\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>";
        var graphic =
            "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>" +
            "<wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2743200\" cy=\"457200\"/></a:xfrm>" +
            "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr>" +
            $"<wps:txbx><w:txbxContent>{boxParagraphsXml}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>";
        var drawing = floating
            ? "<wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" " +
              "locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>" +
              "<wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>" +
              $"<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>{extent}<wp:wrapTopAndBottom/>" +
              $"<wp:docPr id=\"{id}\" name=\"Text Box {id}\"/><wp:cNvGraphicFramePr/>{graphic}</wp:anchor>"
            : $"<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">{extent}<wp:docPr id=\"{id}\" name=\"Text Box {id}\"/>" +
              $"<wp:cNvGraphicFramePr/>{graphic}</wp:inline>";
        var style = floating ? "position:absolute;margin-left:0;margin-top:0;width:216pt;height:36pt;z-index:1" : "width:216pt;height:36pt";
        return "<w:r><mc:AlternateContent>" +
               $"<mc:Choice Requires=\"wps\"><w:drawing>{drawing}</w:drawing></mc:Choice>" +
               $"<mc:Fallback><w:pict><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"/>" +
               $"<v:shape id=\"TextBox{id}\" o:spid=\"_x0000_s{1024 + id}\" type=\"#_x0000_t202\" style=\"{style}\">" +
               $"<v:textbox><w:txbxContent>{boxParagraphsXml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>" +
               "</mc:AlternateContent></w:r>";
    }
}

/// <summary>One paragraph that every reader of .docx text must read alike (FormFields and StructureChecks once
/// disagreed on tabs, breaks and hidden text): the markup and the visible text it has.</summary>
public static class VisibleTextSample
{
    public const string ParagraphXml =
        "<w:p><w:r><w:br w:type=\"page\"/><w:t>联系人</w:t><w:tab/><w:t>张三</w:t></w:r>" +
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏备注）</w:t></w:r>" +
        "<w:r><w:br/><w:t>电话</w:t><w:ptab w:relativeTo=\"margin\" w:alignment=\"right\" w:leader=\"none\"/><w:t>0551</w:t><w:noBreakHyphen/><w:t>65862317</w:t></w:r>" +
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"mailto:a@b.cn\" </w:instrText></w:r>" +
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:cr/><w:t>a@b.cn</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
        "<w:del w:id=\"1\" w:author=\"审校\"><w:r><w:delText>旧号码</w:delText></w:r></w:del></w:p>";

    public const string Text = "联系人\t张三\n电话\t0551-65862317\na@b.cn";
}
