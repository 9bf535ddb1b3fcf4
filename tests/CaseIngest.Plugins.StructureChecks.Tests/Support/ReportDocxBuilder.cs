using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.StructureChecks.Tests.Support;

/// <summary>How a generated report marks its headings.</summary>
public enum HeadingMode
{
    /// <summary>Word heading styles (outline levels, fonts in the styles, 标题 3 based on 标题 2); numbers typed.</summary>
    Styles,
    /// <summary>No heading style: direct run formatting and typed numbers 一、（一）1.</summary>
    DirectFormatting,
    /// <summary>Direct formatting with Word's automatic numbering (numPr → chineseCounting / decimal lvlText).</summary>
    AutoNumbering,
    /// <summary>Direct formatting and typed numbers, each heading in a floating text box anchored to an empty paragraph,
    /// saved as Word saves a text box (DrawingML, with the same box as VML for older readers).</summary>
    TextBoxes,
}

/// <summary>Writes a real .docx with the OpenXml SDK, the way Word lays a case report out.</summary>
internal sealed class ReportDocxBuilder(HeadingMode mode)
{
    private readonly List<OpenXmlElement> _body = [];

    public string TitleFont { get; set; } = "黑体";
    public string CompanyFont { get; set; } = "楷体";
    public string Heading1Font { get; set; } = "黑体";
    public string BodyFont { get; set; } = "宋体";
    public int BodyHalfPoints { get; set; } = 28;
    public int BodyLine { get; set; } = 360;
    public uint PageWidth { get; set; } = 11906;
    public uint PageHeight { get; set; } = 16838;
    public bool Landscape { get; set; }

    /// <summary>Body font, size and spacing live in the Normal style (and docDefaults) instead of on each run.</summary>
    public bool BodyFormatInStyle { get; set; }

    /// <summary>The title and the company line are centred (附件2 二(三)); false leaves them left-aligned.</summary>
    public bool FrontCentered { get; set; } = true;

    /// <summary>The company line's size in half-points (楷体小三号 = 30).</summary>
    public int CompanyHalfPoints { get; set; } = 30;

    public ReportDocxBuilder Title(string text) => Add(Centered(Paragraph(text, TitleFont, 32, bold: false, line: 360)));

    public ReportDocxBuilder Company(string text) => Add(Centered(Paragraph(text, CompanyFont, CompanyHalfPoints, bold: false, line: 360)));

    private Paragraph Centered(Paragraph paragraph)
    {
        if (FrontCentered)
        {
            paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Center });
        }

        return paragraph;
    }

    public ReportDocxBuilder TypedToc(params string[] entries) => TypedToc(pageNumbers: true, entries);

    public ReportDocxBuilder TypedToc(bool pageNumbers, params string[] entries)
    {
        Add(Paragraph("目  录", "黑体", 30, bold: false, line: 360));
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            Add(Paragraph(pageNumbers ? $"{entry}……………………{i + 2}" : entry, "宋体", 24, bold: false, line: 240));
        }

        return this;
    }

    public ReportDocxBuilder TocField(params string[] entries)
    {
        Add(Paragraph("目  录", "黑体", 30, bold: false, line: 360));
        foreach (var p in TocFieldParagraphs(entries))
        {
            Add(p);
        }

        return this;
    }

    /// <summary>The 目录 as Word 2013+ inserts it: a content control of the "Table of Contents" gallery holding the field.</summary>
    public ReportDocxBuilder SdtToc(params string[] entries)
    {
        var content = new SdtContentBlock(Paragraph("目录", "黑体", 30, bold: false, line: 360));
        foreach (var p in TocFieldParagraphs(entries))
        {
            content.Append(p);
        }

        _body.Add(new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            content));
        return this;
    }

    public ReportDocxBuilder Heading(int level, string numberedText)
    {
        if (mode == HeadingMode.Styles)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(numberedText)));
            return Add(p);
        }

        var (font, size, bold) = level switch { 1 => (Heading1Font, 30, false), _ => ("宋体", 28, true) };
        var text = mode == HeadingMode.AutoNumbering ? StripNumber(numberedText) : numberedText;
        var paragraph = Paragraph(text, font, size, bold, 360);
        if (mode == HeadingMode.AutoNumbering)
        {
            paragraph.ParagraphProperties!.PrependChild(new NumberingProperties(
                new NumberingLevelReference { Val = level - 1 }, new NumberingId { Val = 1 }));
        }

        if (mode == HeadingMode.TextBoxes)
        {
            return Add(new Paragraph($"<w:p {WordMarkup.Namespaces}>{WordMarkup.TextBoxRun(paragraph.OuterXml, floating: true, id: _body.Count + 1)}</w:p>"));
        }

        return Add(paragraph);
    }

    public ReportDocxBuilder Body(string text, string? font = null) =>
        Add(BodyFormatInStyle && font is null
            ? new Paragraph(new Run(new Text(text)))
            : Paragraph(text, font ?? BodyFont, BodyHalfPoints, bold: false, BodyLine));

    public ReportDocxBuilder Caption(string text) => Add(Paragraph(text, "黑体", 24, bold: false, line: 360));

    public ReportDocxBuilder Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(cell, "宋体", 21, bold: false, line: 240)))));
        }

        _body.Add(table);
        return this;
    }

    public void Save(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var section = new SectionProperties(new PageSize
        {
            Width = PageWidth, Height = PageHeight, Orient = Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        });
        main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true)).Append(section)));
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        if (mode == HeadingMode.AutoNumbering)
        {
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        }

        main.Document.Save();
    }

    private ReportDocxBuilder Add(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    private static IEnumerable<Paragraph> TocFieldParagraphs(string[] entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }));
            if (i == 0)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }

            p.Append(new Run(new Text(entries[i]), new TabChar(), new Text((i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (i == entries.Length - 1)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            yield return p;
        }
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold, int line) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Line = line.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto }),
            new Run(RunProperties(font, halfPoints, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static RunProperties RunProperties(string font, int halfPoints, bool bold) =>
        new(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font },
            new Bold { Val = OnOffValue.FromBoolean(bold) },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private Styles Styles()
    {
        var normalRun = BodyFormatInStyle
            ? new StyleRunProperties(new RunFonts { EastAsia = BodyFont }, new FontSize { Val = BodyHalfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            : new StyleRunProperties();
        var normalParagraph = BodyFormatInStyle
            ? new StyleParagraphProperties(new SpacingBetweenLines { Line = BodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto })
            : new StyleParagraphProperties();
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { EastAsia = "SimSun" }, new FontSize { Val = "21" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, normalParagraph, normalRun) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, "Normal", new StyleRunProperties(new RunFonts { EastAsia = Heading1Font == "黑体" ? "SimHei" : Heading1Font }, new Bold { Val = false }, new FontSize { Val = "30" })),
            HeadingStyle(2, "Normal", new StyleRunProperties(new RunFonts { EastAsia = "宋体" }, new Bold(), new FontSize { Val = "28" })),
            // 标题 3 sets nothing of its own: its font comes through basedOn from 标题 2.
            HeadingStyle(3, "Heading2", null),
            HeadingStyle(4, "Heading3", null),
            new Style(new StyleName { Val = "toc 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "TOC1" });
    }

    private static Style HeadingStyle(int level, string basedOn, StyleRunProperties? run)
    {
        var style = new Style(new StyleName { Val = $"heading {level}" }, new BasedOn { Val = basedOn },
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto }, new OutlineLevel { Val = level - 1 }))
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static Numbering Numbering()
    {
        Level Lvl(int index, string format, string text) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(format)) },
            new LevelText { Val = text })
        { LevelIndex = index };

        return new Numbering(
            new AbstractNum(Lvl(0, "chineseCounting", "%1、"), Lvl(1, "chineseCounting", "（%2）"), Lvl(2, "decimal", "%3."), Lvl(3, "decimal", "（%4）"))
            { AbstractNumberId = 0 },
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
    }

    private static string StripNumber(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+\.)", "");
}
