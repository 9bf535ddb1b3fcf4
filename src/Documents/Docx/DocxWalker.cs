using System.Text;
using System.Xml;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// One pass over the body in document order (list counters and fields depend on it). Kept: runs, inserted and
/// moved-to revisions, hyperlinks, content controls, custom XML, smart tags, field results, text boxes. Left out:
/// deleted and moved-from revisions, field instructions, hidden text, phonetic guides. Alternate content is read once:
/// its first choice, else its fallback.
/// </summary>
/// <remarks>The body is read forward from the part's stream, never held as a tree: loading document.xml (and the
/// numbering part) as LINQ to XML trees was 6.8 % of the package threads' CPU samples, and the parts' trees 5 % of
/// the allocations, of a run without OCR (docs/BENCHMARKS.md, #20, session 20). Only small pieces are cut out as elements —
/// paragraph properties, content-control properties, a checkbox field's start, section properties, and the graphics,
/// alternate content and equations — and a text box inside one is read with the same walker over that piece.</remarks>
internal sealed class DocxWalker(DocxStyles styles, NumberingRenderer numbering)
{
    private const double TwipsPerMm = 1440 / 25.4;

    // A text box holds a story of its own: a field open in the body does not run into it.
    private FieldStack _fields = new();
    private readonly List<DocxSection> _sections = [];
    // Where a w:t's text is read into, a piece at a time.
    private readonly char[] _chunk = new char[1024];
    // The run text being put together, lent to one run at a time (a text box inside a run reads runs of its own).
    private StringBuilder? _spareRunText = new();
    private int _pictures;
    private bool _hasToc;
    // A strict part: the pieces cut out as elements are renamed to transitional names, which the element code reads.
    private bool _strict;

    /// <summary>Reads a main document part from its start: its body, then the rest of the part (a damaged end is an
    /// <see cref="XmlException"/> as a whole read would be).</summary>
    /// <exception cref="DocxDefectException">The part has no <c>w:body</c>.</exception>
    public DocxDocument Read(XmlReader reader)
    {
        var blocks = new List<DocxBlock>();
        var hasBody = false;
        if (reader.MoveToContent() == XmlNodeType.Element)
        {
            _strict = IsStrict(reader.NamespaceURI);
            var depth = reader.Depth;
            if (XmlWalk.Enter(reader))
            {
                while (XmlWalk.NextChild(reader, depth))
                {
                    if (!hasBody && IsW(reader, "body"))
                    {
                        hasBody = true;
                        AddBlocks(reader, blocks, new Context(default, InTocBlock: false));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        while (reader.Read())
        {
        }

        if (!hasBody)
        {
            throw new DocxDefectException(DocxDefect.NoBody, "word/document.xml has no body (w:body)");
        }

        return new DocxDocument { Blocks = blocks, Sections = _sections, HasTableOfContents = _hasToc, PictureCount = _pictures };
    }

    private readonly record struct Context(DocxPlace Place, bool InTocBlock);

    /// <summary>The blocks inside the element the reader is on; the reader ends past it.</summary>
    private void AddBlocks(XmlReader reader, List<DocxBlock> blocks, Context context)
    {
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                AddBlock(reader, blocks, context);
            }
        }
    }

    /// <summary>The blocks inside an element cut out of the part (a branch of alternate content, a text box).</summary>
    private void AddBlocks(XElement container, List<DocxBlock> blocks, Context context)
    {
        using var reader = container.CreateReader();
        reader.MoveToContent();
        AddBlocks(reader, blocks, context);
    }

    private void AddBlock(XmlReader reader, List<DocxBlock> blocks, Context context)
    {
        var ns = NamespaceOf(reader);
        if (ns == McUri)
        {
            if (reader.LocalName != "AlternateContent")
            {
                reader.Skip();
            }
            else if (Branch(ReadElement(reader)) is { } branch)
            {
                AddBlocks(branch, blocks, context);
            }

            return;
        }

        if (ns != WUri)
        {
            reader.Skip();
            return;
        }

        switch (reader.LocalName)
        {
            case "p":
                AddParagraph(reader, blocks, context);
                break;
            case "tbl":
                blocks.Add(ReadTable(reader, context));
                break;
            case "sdt":
                AddContentControl(reader, blocks, context);
                break;
            case "customXml" or "sdtContent":
                AddBlocks(reader, blocks, context);
                break;
            case "sectPr" when !context.Place.InTextBox:
                AddSection(ReadElement(reader));
                break;
            default:
                reader.Skip();
                break;
        }
    }

    /// <summary>A block-level content control: a checkbox is its box; any other is its content (a 目录 building block
    /// marks what it holds as the table of contents).</summary>
    private void AddContentControl(XmlReader reader, List<DocxBlock> blocks, Context context)
    {
        XElement? properties = null;
        var checkbox = false;
        var contentRead = false;
        var depth = reader.Depth;
        if (!XmlWalk.Enter(reader))
        {
            return;
        }

        while (XmlWalk.NextChild(reader, depth))
        {
            if (properties is null && IsW(reader, "sdtPr"))
            {
                properties = ReadElement(reader);
                if (CheckboxGlyphs.ContentControlState(properties) is { } ticked)
                {
                    checkbox = true;
                    blocks.Add(new DocxParagraph(styles, null, styles.ParagraphStyleOf(null))
                    {
                        Runs = [new DocxRun(CheckboxGlyphs.Of(ticked), styles.ResolveRun(null, default))],
                        Place = context.Place,
                    });
                }
                else
                {
                    _hasToc |= IsTocBuildingBlock(properties);
                }
            }
            else if (!checkbox && !contentRead && IsW(reader, "sdtContent"))
            {
                contentRead = true;
                AddBlocks(reader, blocks, context with { InTocBlock = context.InTocBlock || IsTocBuildingBlock(properties) });
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private DocxTable ReadTable(XmlReader reader, Context context)
    {
        var rows = new List<DocxTableRow>();
        ForEachWrapped(reader, "tr", row => ReadRow(row, rows, context with { Place = context.Place with { InTable = true } }));
        return new DocxTable { Rows = rows };
    }

    private void ReadRow(XmlReader reader, List<DocxTableRow> rows, Context cellContext)
    {
        XElement? rowProperties = null;
        var cells = new List<DocxTableCell>();
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (rowProperties is null && IsW(reader, "trPr"))
                {
                    rowProperties = ReadElement(reader);
                }
                else if (rowProperties.Child("del") is null)
                {
                    ForWrapped(reader, "tc", cell => cells.Add(ReadCell(cell, cellContext)));
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        if (rowProperties.Child("del") is null)
        {
            rows.Add(new DocxTableRow(System.Math.Max(Int(rowProperties.Child("gridBefore").Val()) ?? 0, 0), cells));
        }
    }

    private DocxTableCell ReadCell(XmlReader reader, Context cellContext)
    {
        var blocks = new List<DocxBlock>();
        var gridSpan = 1;
        var continuesMerge = false;
        var propertiesRead = false;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (!propertiesRead && IsW(reader, "tcPr"))
                {
                    propertiesRead = true;
                    (gridSpan, continuesMerge) = ReadCellProperties(reader);
                }
                else
                {
                    AddBlock(reader, blocks, cellContext);
                }
            }
        }

        return new DocxTableCell(gridSpan, continuesMerge, blocks);
    }

    /// <summary>A <c>w:tcPr</c>'s grid span and whether it continues the merged cell above (<c>w:vMerge</c> without
    /// <c>restart</c>).</summary>
    private static (int GridSpan, bool ContinuesMergeAbove) ReadCellProperties(XmlReader reader)
    {
        int? gridSpan = null;
        bool? continuesMerge = null;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (gridSpan is null && IsW(reader, "gridSpan"))
                {
                    gridSpan = Int(Attr(reader, "val")) ?? 1;
                }
                else if (continuesMerge is null && IsW(reader, "vMerge"))
                {
                    continuesMerge = Attr(reader, "val") is null or "continue";
                }

                reader.Skip();
            }
        }

        return (System.Math.Max(gridSpan ?? 1, 1), continuesMerge ?? false);
    }

    // Rows and cells may be wrapped in content controls or custom XML (repeating sections, data-bound forms).
    private static void ForEachWrapped(XmlReader reader, string name, Action<XmlReader> read)
    {
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                ForWrapped(reader, name, read);
            }
        }
    }

    /// <summary>The child the reader is on: read when it is a <paramref name="name"/>, looked into when it wraps some.</summary>
    private static void ForWrapped(XmlReader reader, string name, Action<XmlReader> read)
    {
        if (NamespaceOf(reader) != WUri)
        {
            reader.Skip();
        }
        else if (reader.LocalName == name)
        {
            read(reader);
        }
        else if (reader.LocalName is "sdt" or "customXml" or "sdtContent")
        {
            ForEachWrapped(reader, name, read);
        }
        else
        {
            reader.Skip();
        }
    }

    private void AddParagraph(XmlReader reader, List<DocxBlock> blocks, Context context)
    {
        XElement? properties = null;
        ParagraphState? state = null;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                // w:pPr comes first: the runs after it resolve their format against its style.
                if (state is null && IsW(reader, "pPr"))
                {
                    properties = ReadElement(reader);
                    continue;
                }

                state ??= NewParagraphState(properties, context);
                WalkInlineChild(reader, state);
            }
        }

        state ??= NewParagraphState(properties, context);
        var styleId = state.StyleId;
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

    private ParagraphState NewParagraphState(XElement? properties, Context context) =>
        new(styles.ParagraphStyleOf(properties), context) { InToc = context.InTocBlock || _fields.InTableOfContents };

    /// <summary>The inline content inside the element the reader is on.</summary>
    private void WalkInline(XmlReader reader, ParagraphState state)
    {
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                WalkInlineChild(reader, state);
            }
        }
    }

    private void WalkInlineChild(XmlReader reader, ParagraphState state)
    {
        var ns = NamespaceOf(reader);
        var name = reader.LocalName;
        if (ns == WUri)
        {
            switch (name)
            {
                case "r":
                    AddRun(reader, state);
                    return;
                case "fldSimple":
                    if (FieldStack.IsToc(Attr(reader, "instr")))
                    {
                        OnTocField(state);
                    }

                    WalkInline(reader, state);
                    return;
                case "sdt":
                    WalkInlineContentControl(reader, state);
                    return;
                case "del" or "moveFrom" or "pPr":
                    reader.Skip();
                    return;
            }
        }
        else if (ns == McUri && name == "AlternateContent")
        {
            OnGraphic(ReadElement(reader), state);
            return;
        }
        else if (ns == MathUri && name is "oMath" or "oMathPara")
        {
            AddMath(ReadElement(reader), state);
            return;
        }

        if (name.EndsWith("Pr", StringComparison.Ordinal))
        {
            reader.Skip();
        }
        else
        {
            // Hyperlinks, content controls, inserted and moved-to revisions, custom XML, smart tags,
            // bidirectional embeddings: containers whose runs are shown.
            WalkInline(reader, state);
        }
    }

    /// <summary>An inline content control: a checkbox is its box, in the format of the run inside it; any other shows
    /// its content.</summary>
    private void WalkInlineContentControl(XmlReader reader, ParagraphState state)
    {
        bool? ticked = null;
        var propertiesRead = false;
        var contentRead = false;
        var boxRun = default(WrittenRunProperties);
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (!propertiesRead && IsW(reader, "sdtPr"))
                {
                    propertiesRead = true;
                    ticked = CheckboxGlyphs.ContentControlState(ReadElement(reader));
                }
                else if (ticked is null)
                {
                    WalkInlineChild(reader, state);
                }
                else if (!contentRead && IsW(reader, "sdtContent"))
                {
                    contentRead = true;
                    boxRun = FirstRunProperties(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        if (ticked is { } box)
        {
            var format = styles.ResolveRun(state.StyleId, boxRun);
            if (_fields.Visible && format.Hidden != true)
            {
                state.Runs.Add(new DocxRun(CheckboxGlyphs.Of(box), format));
            }
        }
    }

    /// <summary>The properties of the first run directly inside the element the reader is on; the reader ends past it.</summary>
    private static WrittenRunProperties FirstRunProperties(XmlReader reader)
    {
        var found = default(WrittenRunProperties);
        var runSeen = false;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (!runSeen && IsW(reader, "r"))
                {
                    runSeen = true;
                    var runDepth = reader.Depth;
                    var propertiesRead = false;
                    if (XmlWalk.Enter(reader))
                    {
                        while (XmlWalk.NextChild(reader, runDepth))
                        {
                            if (!propertiesRead && IsW(reader, "rPr"))
                            {
                                propertiesRead = true;
                                found = WrittenRunProperties.Read(reader);
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return found;
    }

    private void AddRun(XmlReader reader, ParagraphState state)
    {
        var properties = default(WrittenRunProperties);
        var propertiesRead = false;
        var wingdings = false;
        var text = _spareRunText ?? new StringBuilder();
        _spareRunText = null;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                // w:rPr comes first: whether the run's text is Wingdings depends on it.
                if (!propertiesRead && IsW(reader, "rPr"))
                {
                    propertiesRead = true;
                    properties = WrittenRunProperties.Read(reader);
                    wingdings = properties.IsWingdings;
                }
                else
                {
                    AppendRunChild(reader, wingdings, text, state);
                }
            }
        }

        var format = styles.ResolveRun(state.StyleId, properties);
        if (format.Hidden != true && text.Length > 0)
        {
            state.Runs.Add(new DocxRun(text.ToString(), format));
        }

        _spareRunText = text.Clear();
    }

    private void AppendRunChild(XmlReader reader, bool wingdings, StringBuilder text, ParagraphState state)
    {
        var ns = NamespaceOf(reader);
        if (ns == McUri && reader.LocalName == "AlternateContent")
        {
            OnGraphic(ReadElement(reader), state);
            return;
        }

        if (ns != WUri)
        {
            reader.Skip();
            return;
        }

        switch (reader.LocalName)
        {
            case "fldChar":
                OnFieldChar(reader, text);
                return;
            case "instrText":
                if (_fields.AddInstruction(XmlWalk.ReadText(reader, _chunk)))
                {
                    OnTocField(state);
                }

                return;
            case "t" when _fields.Visible:
                XmlWalk.AppendText(reader, text, _chunk, wingdings ? CheckboxGlyphs.WingdingsBox : null);
                return;
            case "tab" or "ptab" when _fields.Visible:
                text.Append('\t');
                break;
            case "br" when Attr(reader, "type") is "page" or "column":
                state.PageBreak = true;
                break;
            case "br" or "cr" when _fields.Visible:
                text.Append('\n');
                break;
            case "noBreakHyphen" when _fields.Visible:
                text.Append('-');
                break;
            case "sym" when _fields.Visible:
                text.Append(CheckboxGlyphs.MapSymbol(Attr(reader, "font"), Attr(reader, "char")));
                break;
            case "drawing" or "pict" or "object":
                OnGraphic(ReadElement(reader), state);
                return;
            case "ruby":
                AppendRubyBase(reader, text, state);
                return;
        }

        reader.Skip();
    }

    /// <summary>The base text of a phonetic guide (<c>w:ruby</c>): what the line shows; the guide above it (<c>w:rt</c>)
    /// is a reading aid.</summary>
    private void AppendRubyBase(XmlReader reader, StringBuilder text, ParagraphState state)
    {
        var baseRead = false;
        var depth = reader.Depth;
        if (!XmlWalk.Enter(reader))
        {
            return;
        }

        while (XmlWalk.NextChild(reader, depth))
        {
            if (baseRead || !IsW(reader, "rubyBase"))
            {
                reader.Skip();
                continue;
            }

            baseRead = true;
            var baseDepth = reader.Depth;
            if (!XmlWalk.Enter(reader))
            {
                continue;
            }

            while (XmlWalk.NextChild(reader, baseDepth))
            {
                if (!IsW(reader, "r"))
                {
                    reader.Skip();
                    continue;
                }

                var runDepth = reader.Depth;
                var wingdings = false;
                if (XmlWalk.Enter(reader))
                {
                    while (XmlWalk.NextChild(reader, runDepth))
                    {
                        if (IsW(reader, "rPr"))
                        {
                            wingdings = WrittenRunProperties.Read(reader).IsWingdings;
                        }
                        else
                        {
                            AppendRunChild(reader, wingdings, text, state);
                        }
                    }
                }
            }
        }
    }

    private void OnTocField(ParagraphState state)
    {
        _hasToc = true;
        state.InToc = true;
    }

    private void OnFieldChar(XmlReader reader, StringBuilder text)
    {
        switch (Attr(reader, "fldCharType"))
        {
            case "begin":
                // A legacy checkbox keeps its state in the begin's w:ffData.
                var checkbox = CheckboxGlyphs.FormFieldState(ReadElement(reader));
                if (checkbox is { } ticked && _fields.Visible)
                {
                    text.Append(CheckboxGlyphs.Of(ticked));
                }

                _fields.Begin(hidesResult: checkbox is not null);
                return;
            case "separate":
                _fields.Separate();
                break;
            case "end":
                _fields.End();
                break;
        }

        reader.Skip();
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

    /// <summary>The element the reader is on, cut out of the part (in transitional names); the reader ends past it.</summary>
    private XElement ReadElement(XmlReader reader)
    {
        var element = (XElement)XNode.ReadFrom(reader);
        return _strict ? Renamed(element) : element;
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
            state.Runs.Add(new DocxRun(text, styles.ResolveRun(state.StyleId, default)));
        }
    }

    private static bool IsTocBuildingBlock(XElement? properties)
    {
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
