using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using M = DocumentFormat.OpenXml.Math;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// One pass over the body in document order (list counters and fields depend on it). Kept: runs, inserted and
/// moved-to revisions, hyperlinks, content controls, custom XML, smart tags, field results, text boxes. Left out:
/// deleted and moved-from revisions, field instructions, hidden text, phonetic guides. Alternate content is read once:
/// its first choice, else its fallback.
/// </summary>
internal sealed class DocxWalker(DocxStyles styles, NumberingRenderer numbering)
{
    private const double TwipsPerMm = 1440 / 25.4;

    // A text box holds a story of its own: a field open in the body does not run into it.
    private FieldStack _fields = new();
    private readonly List<DocxSection> _sections = [];
    private int _pictures;
    private bool _hasToc;

    public DocxDocument Read(Body body)
    {
        var blocks = new List<DocxBlock>();
        AddBlocks(body, blocks, new Context(default, InTocBlock: false));
        return new DocxDocument { Blocks = blocks, Sections = _sections, HasTableOfContents = _hasToc, PictureCount = _pictures };
    }

    private readonly record struct Context(DocxPlace Place, bool InTocBlock);

    private void AddBlocks(OpenXmlElement container, List<DocxBlock> blocks, Context context)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    AddParagraph(paragraph, blocks, context);
                    break;
                case Table table:
                    blocks.Add(ReadTable(table, context));
                    break;
                case SdtBlock sdt when CheckboxGlyphs.ContentControlState(sdt.SdtProperties) is { } ticked:
                    blocks.Add(new DocxParagraph(styles, null, styles.ParagraphStyleOf(null))
                    {
                        Runs = [new DocxRun(CheckboxGlyphs.Of(ticked), styles.ResolveRun(null, null))],
                        Place = context.Place,
                    });
                    break;
                case SdtBlock sdt:
                    var toc = IsTocBuildingBlock(sdt);
                    _hasToc |= toc;
                    if (sdt.SdtContentBlock is { } content)
                    {
                        AddBlocks(content, blocks, context with { InTocBlock = context.InTocBlock || toc });
                    }

                    break;
                case CustomXmlBlock or SdtContentBlock:
                    AddBlocks(child, blocks, context);
                    break;
                case AlternateContent alternate when Branch(alternate) is { } branch:
                    AddBlocks(branch, blocks, context);
                    break;
                case SectionProperties section when !context.Place.InTextBox:
                    AddSection(section);
                    break;
            }
        }
    }

    private DocxTable ReadTable(Table table, Context context)
    {
        var cellContext = context with { Place = context.Place with { InTable = true } };
        var rows = new List<DocxTableRow>();
        foreach (var row in RowsOf(table))
        {
            if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
            {
                continue;
            }

            var cells = new List<DocxTableCell>();
            foreach (var cell in CellsOf(row))
            {
                var properties = cell.TableCellProperties;
                var blocks = new List<DocxBlock>();
                AddBlocks(cell, blocks, cellContext);
                var merge = properties?.VerticalMerge;
                cells.Add(new DocxTableCell(
                    Math.Max(properties?.GridSpan?.Val?.Value ?? 1, 1),
                    merge is not null && merge.Val?.InnerText is null or "continue",
                    blocks));
            }

            rows.Add(new DocxTableRow(Math.Max(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, 0), cells));
        }

        return new DocxTable { Rows = rows };
    }

    // Rows and cells may be wrapped in content controls or custom XML (repeating sections, data-bound forms).
    private static IEnumerable<TableRow> RowsOf(OpenXmlElement container) =>
        container.ChildElements.SelectMany(e => e switch
        {
            TableRow row => [row],
            SdtRow or CustomXmlRow or SdtContentRow => RowsOf(e is SdtRow s ? (OpenXmlElement?)s.SdtContentRow ?? s : e),
            _ => Enumerable.Empty<TableRow>(),
        });

    private static IEnumerable<TableCell> CellsOf(OpenXmlElement container) =>
        container.ChildElements.SelectMany(e => e switch
        {
            TableCell cell => [cell],
            SdtCell or CustomXmlCell or SdtContentCell => CellsOf(e is SdtCell s ? (OpenXmlElement?)s.SdtContentCell ?? s : e),
            _ => Enumerable.Empty<TableCell>(),
        });

    private void AddParagraph(Paragraph paragraph, List<DocxBlock> blocks, Context context)
    {
        var properties = paragraph.ParagraphProperties;
        var styleId = styles.ParagraphStyleOf(properties);
        var state = new ParagraphState(styleId, context) { InToc = context.InTocBlock || _fields.InTableOfContents };
        WalkInline(paragraph, state);

        var label = styles.NumberingOf(properties, styleId) is { } numPr ? numbering.Next(numPr.NumId, numPr.Level) : "";
        blocks.AddRange(state.BoxesBefore);
        blocks.Add(new DocxParagraph(styles, properties, styleId)
        {
            Runs = state.Runs,
            ListLabel = label,
            Place = context.Place,
            OutlineLevel = styles.OutlineLevelOf(properties, styleId),
            Alignment = styles.AlignmentOf(properties, styleId),
            HasTocStyle = styles.IsTocStyle(styleId),
            InTableOfContents = state.InToc,
            HasPageBreak = state.PageBreak,
        });
        blocks.AddRange(state.BoxesAfter);

        if (properties?.SectionProperties is { } section && !context.Place.InTextBox)
        {
            AddSection(section);
        }
    }

    private void WalkInline(OpenXmlElement element, ParagraphState state)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    AddRun(run, state);
                    break;
                case SimpleField field:
                    if (FieldStack.IsToc(field.Instruction?.Value))
                    {
                        _hasToc = true;
                        state.InToc = true;
                    }

                    WalkInline(field, state);
                    break;
                case SdtRun sdt when CheckboxGlyphs.ContentControlState(sdt.SdtProperties) is { } ticked:
                    var format = styles.ResolveRun(state.StyleId, sdt.SdtContentRun?.GetFirstChild<Run>()?.RunProperties);
                    if (_fields.Visible && format.Hidden != true)
                    {
                        state.Runs.Add(new DocxRun(CheckboxGlyphs.Of(ticked), format));
                    }

                    break;
                case DeletedRun or MoveFromRun or ParagraphProperties:
                    break;
                case AlternateContent alternate:
                    OnGraphic(alternate, state);
                    break;
                case M.OfficeMath or M.Paragraph:
                    AddMath(child, state);
                    break;
                case OpenXmlCompositeElement composite when !composite.LocalName.EndsWith("Pr", StringComparison.Ordinal):
                    // Hyperlinks, content controls, inserted and moved-to revisions, custom XML, smart tags,
                    // bidirectional embeddings: containers whose runs are shown.
                    WalkInline(composite, state);
                    break;
            }
        }
    }

    private void AddRun(Run run, ParagraphState state)
    {
        var format = styles.ResolveRun(state.StyleId, run.RunProperties);
        var text = new StringBuilder();
        AppendRunContent(run, text, state);
        if (format.Hidden != true && text.Length > 0)
        {
            state.Runs.Add(new DocxRun(text.ToString(), format));
        }
    }

    private void AppendRunContent(Run run, StringBuilder text, ParagraphState state)
    {
        var wingdings = CheckboxGlyphs.IsWingdings(run.RunProperties);
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case FieldChar fieldChar:
                    OnFieldChar(fieldChar, text);
                    break;
                case FieldCode code:
                    if (_fields.AddInstruction(code.Text))
                    {
                        _hasToc = true;
                        state.InToc = true;
                    }

                    break;
                case Text t when _fields.Visible:
                    text.Append(wingdings ? CheckboxGlyphs.MapWingdingsText(t.Text) : t.Text);
                    break;
                case TabChar or PositionalTab when _fields.Visible:
                    text.Append('\t');
                    break;
                case Break br when br.Type?.InnerText is "page" or "column":
                    state.PageBreak = true;
                    break;
                case Break or CarriageReturn when _fields.Visible:
                    text.Append('\n');
                    break;
                case NoBreakHyphen when _fields.Visible:
                    text.Append('-');
                    break;
                case SymbolChar symbol when _fields.Visible:
                    text.Append(CheckboxGlyphs.MapSymbol(symbol));
                    break;
                case Drawing or Picture or EmbeddedObject or AlternateContent:
                    OnGraphic(child, state);
                    break;
                case Ruby ruby:
                    // The base text is what the line shows; the guide above it (w:rt) is a reading aid.
                    foreach (var baseRun in ruby.GetFirstChild<RubyBase>()?.Elements<Run>() ?? [])
                    {
                        AppendRunContent(baseRun, text, state);
                    }

                    break;
            }
        }
    }

    private void OnFieldChar(FieldChar fieldChar, StringBuilder text)
    {
        switch (fieldChar.FieldCharType?.InnerText)
        {
            case "begin":
                var checkbox = CheckboxGlyphs.FormFieldState(fieldChar);
                if (checkbox is { } ticked && _fields.Visible)
                {
                    text.Append(CheckboxGlyphs.Of(ticked));
                }

                _fields.Begin(hidesResult: checkbox is not null);
                break;
            case "separate":
                _fields.Separate();
                break;
            case "end":
                _fields.End();
                break;
        }
    }

    /// <summary>A drawing, VML picture, embedded object or alternate content: its text boxes are read as blocks where
    /// the shape is anchored (a floating shape before its anchor paragraph, where its top usually is; an inline one
    /// after the paragraph's own text); a graphic without text is counted as a picture.</summary>
    private void OnGraphic(OpenXmlElement graphic, ParagraphState state)
    {
        var chosen = graphic is AlternateContent alternate ? Branch(alternate) : graphic;
        if (chosen is null)
        {
            return;
        }

        var boxes = new List<TextBoxContent>();
        FindTextBoxes(chosen, boxes);
        if (boxes.Count == 0)
        {
            if (chosen.Descendants().Any(d => d is Drawing or Picture or EmbeddedObject) || chosen is Drawing or Picture or EmbeddedObject)
            {
                _pictures++;
            }

            return;
        }

        var target = IsFloating(chosen) ? state.BoxesBefore : state.BoxesAfter;
        var outer = _fields;
        _fields = new FieldStack();
        try
        {
            foreach (var box in boxes)
            {
                AddBlocks(box, target, new Context(state.Context.Place with { InTextBox = true }, InTocBlock: false));
            }
        }
        finally
        {
            _fields = outer;
        }
    }

    /// <summary>The outermost text boxes under <paramref name="element"/> (a box inside a box is read with its
    /// outer box's content), one branch of each alternate content.</summary>
    private static void FindTextBoxes(OpenXmlElement element, List<TextBoxContent> boxes)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case TextBoxContent box:
                    boxes.Add(box);
                    break;
                case AlternateContent alternate:
                    if (Branch(alternate) is { } branch)
                    {
                        FindTextBoxes(branch, boxes);
                    }

                    break;
                default:
                    FindTextBoxes(child, boxes);
                    break;
            }
        }
    }

    private static bool IsFloating(OpenXmlElement graphic) =>
        graphic.Descendants<DW.Anchor>().Any() ||
        graphic.Descendants().Any(d => d.NamespaceUri == "urn:schemas-microsoft-com:vml" &&
                                       d.GetAttributes().Any(a => a.LocalName == "style" && a.Value?.Contains("position:absolute", StringComparison.Ordinal) == true));

    /// <summary>The one branch of alternate content to read: the first choice (the richer markup Word writes first),
    /// else the fallback. Reading both would read every text box twice.</summary>
    private static OpenXmlElement? Branch(AlternateContent alternate) =>
        (OpenXmlElement?)alternate.GetFirstChild<AlternateContentChoice>() ?? alternate.GetFirstChild<AlternateContentFallback>();

    private void AddMath(OpenXmlElement math, ParagraphState state)
    {
        var text = string.Concat(math.Descendants<M.Text>().Select(t => t.Text));
        if (text.Length > 0 && _fields.Visible)
        {
            state.Runs.Add(new DocxRun(text, styles.ResolveRun(state.StyleId, null)));
        }
    }

    private static bool IsTocBuildingBlock(SdtBlock sdt)
    {
        var gallery = sdt.SdtProperties?.GetFirstChild<SdtContentDocPartObject>()?.DocPartGallery?.Val?.Value
                      ?? sdt.SdtProperties?.GetFirstChild<SdtContentDocPartList>()?.DocPartGallery?.Val?.Value;
        return gallery is not null && gallery.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase);
    }

    private void AddSection(SectionProperties section)
    {
        if (section.GetFirstChild<PageSize>() is not { } size || size.Width?.Value is not uint width || size.Height?.Value is not uint height)
        {
            return;
        }

        var landscape = size.Orient?.InnerText == "landscape" || width > height;
        _sections.Add(new DocxSection(Math.Round(width / TwipsPerMm, 1), Math.Round(height / TwipsPerMm, 1), landscape));
    }

    private sealed class ParagraphState(string? styleId, Context context)
    {
        public string? StyleId { get; } = styleId;
        public Context Context { get; } = context;
        public List<DocxRun> Runs { get; } = [];
        public List<DocxBlock> BoxesBefore { get; } = [];
        public List<DocxBlock> BoxesAfter { get; } = [];
        public bool InToc { get; set; }
        public bool PageBreak { get; set; }
    }
}
