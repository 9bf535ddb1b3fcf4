using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>Documents made from one template share its styles part and theme: read through a
/// <see cref="DocxDocumentCache"/>, the parts are indexed once and every document still resolves its formats from its
/// own template.</summary>
public sealed class TemplatePartCacheTests
{
    private const string Styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme=\"minorEastAsia\"/><w:sz w:val=\"21\"/></w:rPr></w:rPrDefault></w:docDefaults>" +
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>" +
        "<w:rPr><w:rFonts w:eastAsiaTheme=\"majorEastAsia\"/><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>";

    private const string Body =
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>一、企业概况</w:t></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p>";

    [Fact]
    public void StylesOf_TwoDocumentsOfOneTemplate_OneIndexAndAnotherTemplateItsOwn()
    {
        var cache = new TemplatePartCache();
        var form = DocxFile.FromBody("<w:p><w:r><w:t>申报表</w:t></w:r></w:p>", Styles);
        var report = DocxFile.FromBody(Body, Styles);
        var other = DocxFile.FromBody(Body, Styles.Replace("w:val=\"32\"", "w:val=\"36\""));

        var formIndex = StylesOf(cache, form);

        Assert.Same(formIndex, StylesOf(cache, report));
        Assert.NotSame(formIndex, StylesOf(cache, other));
    }

    [Fact]
    public void StylesOf_APartDeclaredAsAKeptOne_NotReadAgain_ADifferentDeclarationRead()
    {
        var cache = new TemplatePartCache();
        var bytes = System.Text.Encoding.UTF8.GetBytes(
            $"<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{Styles}</w:styles>");
        var reads = 0;
        byte[] Read()
        {
            reads++;
            return bytes;
        }

        var first = cache.StylesOf(new StoredPart(0x1234abcd, bytes.Length, 900, Read));
        var again = cache.StylesOf(new StoredPart(0x1234abcd, bytes.Length, 900, Read));
        var otherCrc = cache.StylesOf(new StoredPart(0x1234abce, bytes.Length, 900, Read));

        Assert.Same(first, again);
        Assert.NotSame(first, otherCrc);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void Read_DocumentsOfTwoTemplatesThroughOneCache_EachResolvesItsOwnStylesAndThemeFonts()
    {
        var cache = new DocxDocumentCache();
        var songTi = WithTheme(DocxFile.FromBody(Body, Styles), minor: "宋体", major: "黑体");
        var fangSong = WithTheme(DocxFile.FromBody(Body + "<w:p><w:r><w:t>附</w:t></w:r></w:p>", Styles.Replace("w:val=\"32\"", "w:val=\"36\"")),
            minor: "仿宋", major: "楷体");

        foreach (var docx in new[] { songTi, fangSong, songTi, fangSong })
        {
            var expected = Formats(DocxFile.Read(docx));
            Assert.Equal(expected, Formats(cache.Read(docx)));
        }

        var heading = cache.Read(fangSong).AllParagraphs().First();
        Assert.Equal(new RunFormat("楷体", null, 18, true, false), Assert.Single(heading.Runs).Format);
        Assert.Equal(0, heading.OutlineLevel);
        Assert.Equal("仿宋", cache.Read(fangSong).AllParagraphs().Skip(1).First().Runs.Single().Format.EastAsiaFont);
    }

    [Fact]
    public void Read_DamagedStylesPart_TextReadWithWordsDefaultsEachTime()
    {
        var cache = new DocxDocumentCache();
        var damaged = DocxFile.WithPart<StyleDefinitionsPart>(DocxFile.FromBody(Body), "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style");
        var sameTemplate = DocxFile.WithPart<StyleDefinitionsPart>(DocxFile.FromBody("<w:p><w:r><w:t>另一份</w:t></w:r></w:p>"),
            "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style");

        Assert.Equal(["一、企业概况", "正文"], cache.Read(damaged).AllParagraphs().Select(p => p.Text));
        var paragraph = Assert.Single(cache.Read(sameTemplate).AllParagraphs());
        Assert.Equal("另一份", paragraph.Text);
        Assert.Equal(new RunFormat(null, null, 10, false, false), Assert.Single(paragraph.Runs).Format);
    }

    [Fact]
    public void Read_StylesPartPastThePartLimit_RefusedNamingThePart()
    {
        var padding = string.Concat(Enumerable.Range(0, 200).Select(i => $"<w:style w:type=\"paragraph\" w:styleId=\"S{i}\"><w:name w:val=\"S{i}\"/></w:style>"));
        var docx = DocxFile.FromBody(Body, Styles + padding);

        var refused = Assert.Throws<InvalidDataException>(() => new DocxDocumentCache().Read(docx, new DocxReadOptions(MaxCharactersInPart: 4_000)));

        Assert.Contains("word/styles.xml", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, new DocxDocumentCache().Read(docx, new DocxReadOptions(MaxCharactersInPart: 200_000)).AllParagraphs().Count());
    }

    private static StylePartIndex StylesOf(TemplatePartCache cache, byte[] docx)
    {
        using var package = new DocxPackage(new MemoryStream(docx, writable: false), new DocxReadOptions());
        return cache.StylesOf(package.RelatedStored("styles")!);
    }

    private static List<(string Text, RunFormat Format, int? Level, double? Spacing)> Formats(DocxDocument document) =>
        document.AllParagraphs()
            .SelectMany(p => p.Runs.Select(r => (r.Text, r.Format, p.OutlineLevel, p.LineSpacing(r.Format.SizePt ?? 12))))
            .ToList();

    private static byte[] WithTheme(byte[] docx, string minor, string major) =>
        DocxFile.WithPart<ThemePart>(docx,
            "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office\"><a:themeElements>" +
            "<a:fontScheme name=\"Office\">" +
            $"<a:majorFont><a:latin typeface=\"Calibri Light\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/><a:font script=\"Hans\" typeface=\"{major}\"/></a:majorFont>" +
            $"<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/><a:font script=\"Hans\" typeface=\"{minor}\"/></a:minorFont>" +
            "</a:fontScheme></a:themeElements></a:theme>");
}
