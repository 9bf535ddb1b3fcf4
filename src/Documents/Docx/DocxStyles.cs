using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// The document's styles resolved the way Word resolves them: document defaults, then the paragraph style and the
/// styles it is based on, then the character style, then direct formatting — each property on its own, East Asian
/// fonts through the theme where a style names a theme font.
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxBasedOnDepth = 16;

    // Word's styles.xml runs to hundreds of kilobytes (every built-in and latent style) while a report uses a
    // handful: styles are indexed by id and parsed when first used.
    private StylePartIndex? _part;
    // A read document is shared by the plugins of a package, which may ask for its line spacing on several threads:
    // the styles parsed on demand are kept under this lock.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, XElement> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunFormat> _runFormatCache = new(StringComparer.Ordinal);
    // What a paragraph inherits from its style chain, asked for every paragraph: walked once per style.
    private readonly Dictionary<string, InheritedParagraph> _inheritedCache = new(StringComparer.Ordinal);
    private readonly RunFormat _defaults;
    private readonly double? _defaultLineSpacing;
    // Most reports name their fonts; the theme is parsed only for one that says "the theme's East Asian font".
    private readonly Lazy<ThemeFonts> _themeFonts;

    /// <param name="stylesPart">The styles part (null: the document has none), read unless its template is kept.</param>
    /// <param name="themePart">The theme part's bytes (null: none).</param>
    /// <param name="templateParts">Where the parts a template shares are kept between documents; null indexes them
    /// for this document alone.</param>
    public DocxStyles(StoredPart? stylesPart, byte[]? themePart, TemplatePartCache? templateParts = null)
    {
        _themeFonts = new Lazy<ThemeFonts>(() => ThemeFontsOf(themePart, templateParts));
        var wordDefaults = new RunFormat(null, null, 10, false, false);
        _defaults = wordDefaults;
        if (stylesPart is null)
        {
            return;
        }

        var docDefaults = ScanStyles(stylesPart, templateParts);
        _defaults = ReadRun(WrittenRunProperties.Of(docDefaults.Child("rPrDefault").Child("rPr"))).Over(wordDefaults);
        _defaultLineSpacing = ReadLineSpacing(docDefaults.Child("pPrDefault").Child("pPr"));
    }

    /// <summary>Indexes the styles by id and returns the document defaults. A damaged styles part costs the styles, not
    /// the report: the text is still there to count.</summary>
    private XElement? ScanStyles(StoredPart stylesPart, TemplatePartCache? templateParts)
    {
        try
        {
            _part = templateParts?.StylesOf(stylesPart) ?? StylePartIndex.Read(stylesPart.Read());
            return _part.DocDefaults;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            _part = null;
            return null;
        }
    }

    private XElement? StyleOf(string? id)
    {
        if (id is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_styles.TryGetValue(id, out var style))
            {
                return style;
            }

            if (_part?.ElementOf(id) is not { } parsed)
            {
                return null;
            }

            _styles[id] = parsed;
            return parsed;
        }
    }

    public string? ParagraphStyleOf(XElement? properties) =>
        properties.Child("pStyle").Val() is { } id && _part?.Contains(id) == true ? id : _part?.DefaultParagraphStyle;

    /// <summary>A "toc 1" / "目录 1" style: Word's own 目录 entries.</summary>
    public bool IsTocStyle(string? styleId)
    {
        if (StyleOf(styleId) is not { } style)
        {
            return false;
        }

        var name = (style.Child("name").Val() ?? styleId ?? "").Trim().ToLowerInvariant();
        return (name.StartsWith("toc", StringComparison.Ordinal) || name.StartsWith("目录", StringComparison.Ordinal)) &&
               name.Length > 3 && char.IsDigit(name[^1]);
    }

    /// <summary>0-based outline level: direct, else from the style chain (outlineLvl, or a built-in "heading n" name).</summary>
    public int? OutlineLevelOf(XElement? properties, string? styleId) =>
        Int(properties.Child("outlineLvl").Val()) is int direct ? direct : InheritedBy(styleId).OutlineLevel;

    /// <summary>The numbering a paragraph gets: direct numPr, else its style's.</summary>
    public (int NumId, int Level)? NumberingOf(XElement? properties, string? styleId)
    {
        var direct = properties.Child("numPr");
        if (Int(direct.Child("numId").Val()) is int numId)
        {
            return numId == 0 ? null : (numId, Int(direct.Child("ilvl").Val()) ?? 0);
        }

        return InheritedBy(styleId).Numbering;
    }

    /// <summary>Line spacing as a multiple of single spacing (auto rule); exact and at-least spacing are converted
    /// against the font size, since 附件2 speaks of "1.5 倍" and typists often set 固定值 instead.</summary>
    public double? LineSpacingOf(WrittenLineSpacing? direct, string? styleId, double sizePt) =>
        (direct ?? InheritedBy(styleId).LineSpacing) is { } written ? written.Multiple(sizePt) : _defaultLineSpacing ?? 1.0;

    /// <summary>The paragraph's alignment (center, both, left…) from direct formatting, else its style chain; null when
    /// nothing sets it.</summary>
    public string? AlignmentOf(XElement? properties, string? styleId) =>
        properties.Child("jc").Val() ?? InheritedBy(styleId).Alignment;

    /// <summary>What a paragraph of this style inherits: for each property, the nearest style of the chain that sets it.</summary>
    private InheritedParagraph InheritedBy(string? styleId)
    {
        if (styleId is null)
        {
            return InheritedParagraph.None;
        }

        lock (_gate)
        {
            if (_inheritedCache.TryGetValue(styleId, out var cached))
            {
                return cached;
            }
        }

        int? outlineLevel = null;
        (int, int)? numbering = null;
        var numberingFound = false;
        string? alignment = null;
        WrittenLineSpacing? lineSpacing = null;
        foreach (var style in Chain(styleId))
        {
            var paragraph = style.Child("pPr");
            outlineLevel ??= Int(paragraph.Child("outlineLvl").Val()) ?? HeadingLevelFromName(style.Child("name").Val());
            var fromStyle = paragraph.Child("numPr");
            if (!numberingFound && Int(fromStyle.Child("numId").Val()) is int styleNumId)
            {
                // A style's numPr may omit ilvl: the level is then the style's own outline level.
                numberingFound = true;
                var level = Int(fromStyle.Child("ilvl").Val()) ?? Int(paragraph.Child("outlineLvl").Val()) ?? 0;
                numbering = styleNumId == 0 ? null : (styleNumId, level);
            }

            alignment ??= paragraph.Child("jc").Val();
            lineSpacing ??= WrittenLineSpacing.Of(paragraph.Child("spacing"));
        }

        var inherited = new InheritedParagraph(outlineLevel, numbering, alignment, lineSpacing);
        lock (_gate)
        {
            _inheritedCache[styleId] = inherited;
        }

        return inherited;
    }

    private sealed record InheritedParagraph(int? OutlineLevel, (int NumId, int Level)? Numbering, string? Alignment, WrittenLineSpacing? LineSpacing)
    {
        public static InheritedParagraph None { get; } = new(null, null, null, null);
    }

    /// <summary>The run's effective format.</summary>
    public RunFormat ResolveRun(string? paragraphStyleId, in WrittenRunProperties direct)
    {
        var format = _defaults;
        format = StyleRunFormat(paragraphStyleId).Over(format);
        if (direct.Style is { } runStyle)
        {
            format = StyleRunFormat(runStyle).Over(format);
        }

        return ReadRun(direct).Over(format);
    }

    private RunFormat StyleRunFormat(string? styleId)
    {
        if (styleId is null)
        {
            return default;
        }

        lock (_gate)
        {
            if (_runFormatCache.TryGetValue(styleId, out var cached))
            {
                return cached;
            }
        }

        var format = default(RunFormat);
        foreach (var style in Chain(styleId))
        {
            // Chain runs from the style itself to its farthest base: what is nearer wins.
            format = format.Over(ReadRun(WrittenRunProperties.Of(style.Child("rPr"))));
        }

        lock (_gate)
        {
            _runFormatCache[styleId] = format;
        }

        return format;
    }

    private IEnumerable<XElement> Chain(string? styleId)
    {
        var seen = 0;
        while (seen++ < MaxBasedOnDepth && StyleOf(styleId) is { } style)
        {
            yield return style;
            styleId = style.Child("basedOn").Val();
        }
    }

    private RunFormat ReadRun(in WrittenRunProperties properties)
    {
        var eastAsia = properties.EastAsia;
        if (string.IsNullOrEmpty(eastAsia) && properties.EastAsiaTheme is { } theme)
        {
            eastAsia = theme.StartsWith("major", StringComparison.Ordinal) ? _themeFonts.Value.Major : _themeFonts.Value.Minor;
        }

        double? size = double.TryParse(properties.HalfPoints, NumberStyles.Float, CultureInfo.InvariantCulture, out var halfPoints) ? halfPoints / 2 : null;
        return new RunFormat(string.IsNullOrEmpty(eastAsia) ? null : eastAsia, properties.LatinFont, size, properties.Bold, properties.Hidden);
    }

    private static double? ReadLineSpacing(XElement? paragraphProperties) =>
        ReadLineSpacing(paragraphProperties.Child("spacing"), 12);

    private static double? ReadLineSpacing(XElement? spacing, double sizePt) => WrittenLineSpacing.Of(spacing)?.Multiple(sizePt);

    private static int? HeadingLevelFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var n = name.Trim().ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["heading ", "标题 "])
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(n.AsSpan(prefix.Length), out var level) && level is >= 1 and <= 9)
            {
                return level - 1;
            }
        }

        return null;
    }

    private static ThemeFonts ThemeFontsOf(byte[]? themePart, TemplatePartCache? templateParts)
    {
        try
        {
            return themePart is null ? ThemeFonts.None : templateParts?.ThemeFontsOf(themePart) ?? TemplatePartCache.ReadThemeFonts(themePart);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            // A damaged theme costs only the theme-font lookup, not the report.
            return ThemeFonts.None;
        }
    }
}
