using System.Text;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

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

    public DocxDocument Read(XElement body)
    {
        var blocks = new List<DocxBlock>();
        AddBlocks(body, blocks, new Context(default, InTocBlock: false));
        return new DocxDocument { Blocks = blocks, Sections = _sections, HasTableOfContents = _hasToc, PictureCount = _pictures };
    }

    private readonly record struct Context(DocxPlace Place, bool InTocBlock);

    private void AddBlocks(XElement container, List<DocxBlock> blocks, Context context)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace == Mc)
            {
                if (child.Name.LocalName == "AlternateContent" && Branch(child) is { } branch)
                {
                    AddBlocks(branch, blocks, context);
                }

                continue;
            }

            if (child.Name.Namespace != W)
            {
                continue;
            }

            switch (child.Name.LocalName)
            {
                case "p":
                    AddParagraph(child, blocks, context);
                    break;
                case "tbl":
                    blocks.Add(ReadTable(child, context));
                    break;
                case "sdt" when CheckboxGlyphs.ContentControlState(child.Child("sdtPr")) is { } ticked:
                    blocks.Add(new DocxParagraph(styles, null, styles.ParagraphStyleOf(null))
                    {
                        Runs = [new DocxRun(CheckboxGlyphs.Of(ticked), styles.ResolveRun(null, null))],
                        Place = context.Place,
                    });
                    break;
                case "sdt":
                    var toc = IsTocBuildingBlock(child);
                    _hasToc |= toc;
                    if (child.Child("sdtContent") is { } content)
                    {
                        AddBlocks(content, blocks, context with { InTocBlock = context.InTocBlock || toc });
                    }

                    break;
                case "customXml" or "sdtContent":
                    AddBlocks(child, blocks, context);
                    break;
                case "sectPr" when !context.Place.InTextBox:
                    AddSection(child);
                    break;
            }
        }
    }

    private DocxTable ReadTable(XElement table, Context context)
    {
        var cellContext = context with { Place = context.Place with { InTable = true } };
        var rows = new List<DocxTableRow>();
        foreach (var row in Wrapped(table, "tr"))
        {
            var rowProperties = row.Child("trPr");
            if (rowProperties.Child("del") is not null)
            {
                continue;
            }

            var cells = new List<DocxTableCell>();
            foreach (var cell in Wrapped(row, "tc"))
            {
                var properties = cell.Child("tcPr");
                var blocks = new List<DocxBlock>();
                AddBlocks(cell, blocks, cellContext);
                var merge = properties.Child("vMerge");
                cells.Add(new DocxTableCell(
                    System.Math.Max(Int(properties.Child("gridSpan").Val()) ?? 1, 1),
                    merge is not null && merge.Val() is null or "continue",
                    blocks));
            }

            rows.Add(new DocxTableRow(System.Math.Max(Int(rowProperties.Child("gridBefore").Val()) ?? 0, 0), cells));
        }

        return new DocxTable { Rows = rows };
    }

    // Rows and cells may be wrapped in content controls or custom XML (repeating sections, data-bound forms).
    private static IEnumerable<XElement> Wrapped(XElement container, string name) =>
        container.Elements().Where(e => e.Name.Namespace == W).SelectMany(e => e.Name.LocalName switch
        {
            var n when n == name => [e],
            "sdt" => Wrapped(e.Child("sdtContent") ?? e, name),
            "customXml" or "sdtContent" => Wrapped(e, name),
            _ => Enumerable.Empty<XElement>(),
        });

    private void AddParagraph(XElement paragraph, List<DocxBlock> blocks, Context context)
    {
        var properties = paragraph.Child("pPr");
        var styleId = styles.ParagraphStyleOf(properties);
        var state = new ParagraphState(styleId, context) { InToc = context.InTocBlock || _fields.InTableOfContents };
        WalkInline(paragraph, state);

        var label = styles.NumberingOf(properties, styleId) is { } numPr ? numbering.Next(numPr.NumId, numPr.Level) : "";
        blocks.AddRange(state.BoxesBefore);
        blocks.Add(new DocxParagraph(styles, WrittenLineSpacing.Of(properties.Child("spacing")), styleId)
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

        if (properties.Child("sectPr") is { } section && !context.Place.InTextBox)
        {
            AddSection(section);
        }
    }

    private void WalkInline(XElement element, ParagraphState state)
    {
        foreach (var child in element.Elements())
        {
            var ns = child.Name.Namespace;
            var name = child.Name.LocalName;
            if (ns == W)
            {
                switch (name)
                {
                    case "r":
                        AddRun(child, state);
                        continue;
                    case "fldSimple":
                        if (FieldStack.IsToc(child.Attr("instr")))
                        {
                            OnTocField(state);
                        }

                        WalkInline(child, state);
                        continue;
                    case "sdt" when CheckboxGlyphs.ContentControlState(child.Child("sdtPr")) is { } ticked:
                        var format = styles.ResolveRun(state.StyleId, child.Child("sdtContent").Child("r").Child("rPr"));
                        if (_fields.Visible && format.Hidden != true)
                        {
                            state.Runs.Add(new DocxRun(CheckboxGlyphs.Of(ticked), format));
                        }

                        continue;
                    case "del" or "moveFrom" or "pPr":
                        continue;
                }
            }
            else if (ns == Mc && name == "AlternateContent")
            {
                OnGraphic(child, state);
                continue;
            }
            else if (ns == WordXml.Math && name is "oMath" or "oMathPara")
            {
                AddMath(child, state);
                continue;
            }

            if (child.HasElements && !name.EndsWith("Pr", StringComparison.Ordinal))
            {
                // Hyperlinks, content controls, inserted and moved-to revisions, custom XML, smart tags,
                // bidirectional embeddings: containers whose runs are shown.
                WalkInline(child, state);
            }
        }
    }

    private void AddRun(XElement run, ParagraphState state)
    {
        var properties = run.Child("rPr");
        var format = styles.ResolveRun(state.StyleId, properties);
        var text = new StringBuilder();
        AppendRunContent(run, properties, text, state);
        if (format.Hidden != true && text.Length > 0)
        {
            state.Runs.Add(new DocxRun(text.ToString(), format));
        }
    }

    private void AppendRunContent(XElement run, XElement? properties, StringBuilder text, ParagraphState state)
    {
        var wingdings = CheckboxGlyphs.IsWingdings(properties);
        foreach (var child in run.Elements())
        {
            if (child.Name.Namespace == Mc)
            {
                if (child.Name.LocalName == "AlternateContent")
                {
                    OnGraphic(child, state);
                }

                continue;
            }

            if (child.Name.Namespace != W)
            {
                continue;
            }

            switch (child.Name.LocalName)
            {
                case "fldChar":
                    OnFieldChar(child, text);
                    break;
                case "instrText":
                    if (_fields.AddInstruction(child.Value))
                    {
                        OnTocField(state);
                    }

                    break;
                case "t" when _fields.Visible:
                    text.Append(wingdings ? CheckboxGlyphs.MapWingdingsText(child.Value) : child.Value);
                    break;
                case "tab" or "ptab" when _fields.Visible:
                    text.Append('\t');
                    break;
                case "br" when child.Attr("type") is "page" or "column":
                    state.PageBreak = true;
                    break;
                case "br" or "cr" when _fields.Visible:
                    text.Append('\n');
                    break;
                case "noBreakHyphen" when _fields.Visible:
                    text.Append('-');
                    break;
                case "sym" when _fields.Visible:
                    text.Append(CheckboxGlyphs.MapSymbol(child));
                    break;
                case "drawing" or "pict" or "object":
                    OnGraphic(child, state);
                    break;
                case "ruby":
                    // The base text is what the line shows; the guide above it (w:rt) is a reading aid.
                    foreach (var baseRun in child.Child("rubyBase")?.Elements(W + "r") ?? [])
                    {
                        AppendRunContent(baseRun, baseRun.Child("rPr"), text, state);
                    }

                    break;
            }
        }
    }

    private void OnTocField(ParagraphState state)
    {
        _hasToc = true;
        state.InToc = true;
    }

    private void OnFieldChar(XElement fieldChar, StringBuilder text)
    {
        switch (fieldChar.Attr("fldCharType"))
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
    private void OnGraphic(XElement graphic, ParagraphState state)
    {
        var chosen = IsAlternateContent(graphic) ? Branch(graphic) : graphic;
        if (chosen is null)
        {
            return;
        }

        var boxes = new List<XElement>();
        FindTextBoxes(chosen, boxes);
        if (boxes.Count == 0)
        {
            if (IsGraphic(chosen) || chosen.Descendants().Any(IsGraphic))
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

    private static bool IsGraphic(XElement element) =>
        element.Name.Namespace == W && element.Name.LocalName is "drawing" or "pict" or "object";

    private static bool IsAlternateContent(XElement element) => element.Name == Mc + "AlternateContent";

    /// <summary>The outermost text boxes under <paramref name="element"/> (a box inside a box is read with its
    /// outer box's content), one branch of each alternate content.</summary>
    private static void FindTextBoxes(XElement element, List<XElement> boxes)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name == W + "txbxContent")
            {
                boxes.Add(child);
            }
            else if (IsAlternateContent(child))
            {
                if (Branch(child) is { } branch)
                {
                    FindTextBoxes(branch, boxes);
                }
            }
            else
            {
                FindTextBoxes(child, boxes);
            }
        }
    }

    private static bool IsFloating(XElement graphic) =>
        graphic.Descendants(WordDrawing + "anchor").Any() ||
        graphic.Descendants().Any(d => d.Name.Namespace == Vml &&
                                       d.Attributes().Any(a => a.Name.LocalName == "style" && a.Value.Contains("position:absolute", StringComparison.Ordinal)));

    /// <summary>The one branch of alternate content to read: the first choice (the richer markup Word writes first),
    /// else the fallback. Reading both would read every text box twice.</summary>
    private static XElement? Branch(XElement alternate) =>
        alternate.Element(Mc + "Choice") ?? alternate.Element(Mc + "Fallback");

    private void AddMath(XElement math, ParagraphState state)
    {
        var text = string.Concat(math.Descendants(WordXml.Math + "t").Select(t => t.Value));
        if (text.Length > 0 && _fields.Visible)
        {
            state.Runs.Add(new DocxRun(text, styles.ResolveRun(state.StyleId, null)));
        }
    }

    private static bool IsTocBuildingBlock(XElement sdt)
    {
        var properties = sdt.Child("sdtPr");
        var gallery = (properties.Child("docPartObj") ?? properties.Child("docPartList")).Child("docPartGallery").Val();
        return gallery is not null && gallery.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase);
    }

    private void AddSection(XElement section)
    {
        var size = section.Child("pgSz");
        if (!uint.TryParse(size.Attr("w"), out var width) || !uint.TryParse(size.Attr("h"), out var height))
        {
            return;
        }

        var landscape = size.Attr("orient") == "landscape" || width > height;
        _sections.Add(new DocxSection(System.Math.Round(width / TwipsPerMm, 1), System.Math.Round(height / TwipsPerMm, 1), landscape));
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
