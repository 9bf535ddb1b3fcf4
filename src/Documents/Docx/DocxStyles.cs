using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

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
    private readonly System.Threading.Lock _gate = new();
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunFormat> _runFormatCache = new(StringComparer.Ordinal);
    private readonly RunFormat _defaults;
    private readonly double? _defaultLineSpacing;
    // Most reports name their fonts; the theme is parsed only for one that says "the theme's East Asian font".
    private readonly Lazy<ThemeFonts> _themeFonts;

    /// <param name="templateParts">Where the parts a template shares are kept between documents; null reads them
    /// from this document alone.</param>
    public DocxStyles(MainDocumentPart main, TemplatePartCache? templateParts = null)
    {
        _themeFonts = new Lazy<ThemeFonts>(() => ThemeFontsOf(main, templateParts));
        var wordDefaults = new RunFormat(null, null, 10, false, false);
        _defaults = wordDefaults;
        if (main.StyleDefinitionsPart is not { } part)
        {
            return;
        }

        var docDefaults = ScanStyles(part, templateParts);
        _defaults = ReadRun(docDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle).Over(wordDefaults);
        _defaultLineSpacing = ReadLineSpacing(docDefaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle);
    }

    /// <summary>Indexes the styles by id and returns the document defaults. A damaged styles part costs the styles, not
    /// the report: the text is still there to count.</summary>
    private DocDefaults? ScanStyles(StyleDefinitionsPart part, TemplatePartCache? templateParts)
    {
        try
        {
            _part = templateParts?.StylesOf(part) ?? StylePartIndex.Read(TemplatePartCache.BytesOf(part));
            return _part.DocDefaultsMarkup is { } markup ? new DocDefaults(markup) : null;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            _part = null;
            return null;
        }
    }

    private Style? StyleOf(string? id)
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

            if (_part?.MarkupOf(id) is not { } markup)
            {
                return null;
            }

            // Parsed in full before it is published: the SDK parses an element's children lazily, and a half-parsed
            // style read by two threads at once would not be safe.
            style = new Style(markup);
            _ = style.Descendants().Count();
            _styles[id] = style;
            return style;
        }
    }

    public string? ParagraphStyleOf(ParagraphProperties? properties) =>
        properties?.ParagraphStyleId?.Val?.Value is { } id && _part?.Contains(id) == true ? id : _part?.DefaultParagraphStyle;

    /// <summary>A "toc 1" / "目录 1" style: Word's own 目录 entries.</summary>
    public bool IsTocStyle(string? styleId)
    {
        if (StyleOf(styleId) is not { } style)
        {
            return false;
        }

        var name = (style.StyleName?.Val?.Value ?? styleId ?? "").Trim().ToLowerInvariant();
        return (name.StartsWith("toc", StringComparison.Ordinal) || name.StartsWith("目录", StringComparison.Ordinal)) &&
               name.Length > 3 && char.IsDigit(name[^1]);
    }

    /// <summary>0-based outline level: direct, else from the style chain (outlineLvl, or a built-in "heading n" name).</summary>
    public int? OutlineLevelOf(ParagraphProperties? properties, string? styleId)
    {
        if (properties?.OutlineLevel?.Val?.Value is int direct)
        {
            return direct;
        }

        foreach (var style in Chain(styleId))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int level)
            {
                return level;
            }

            if (HeadingLevelFromName(style.StyleName?.Val?.Value) is int named)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>The numbering a paragraph gets: direct numPr, else its style's.</summary>
    public (int NumId, int Level)? NumberingOf(ParagraphProperties? properties, string? styleId)
    {
        var direct = properties?.NumberingProperties;
        if (direct?.NumberingId?.Val?.Value is int numId)
        {
            return numId == 0 ? null : (numId, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        foreach (var style in Chain(styleId))
        {
            var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            if (fromStyle?.NumberingId?.Val?.Value is int styleNumId)
            {
                // A style's numPr may omit ilvl: the level is then the style's own outline level.
                var level = fromStyle.NumberingLevelReference?.Val?.Value ?? style.StyleParagraphProperties?.OutlineLevel?.Val?.Value ?? 0;
                return styleNumId == 0 ? null : (styleNumId, level);
            }
        }

        return null;
    }

    /// <summary>Line spacing as a multiple of single spacing (auto rule); exact and at-least spacing are converted
    /// against the font size, since 附件2 speaks of "1.5 倍" and typists often set 固定值 instead.</summary>
    public double? LineSpacingOf(ParagraphProperties? properties, string? styleId, double sizePt)
    {
        var spacing = properties?.SpacingBetweenLines;
        var found = ReadLineSpacing(spacing, sizePt);
        if (found is not null)
        {
            return found;
        }

        foreach (var style in Chain(styleId))
        {
            found = ReadLineSpacing(style.StyleParagraphProperties?.SpacingBetweenLines, sizePt);
            if (found is not null)
            {
                return found;
            }
        }

        return _defaultLineSpacing ?? 1.0;
    }

    /// <summary>The paragraph's alignment (center, both, left…) from direct formatting, else its style chain; null when
    /// nothing sets it.</summary>
    public string? AlignmentOf(ParagraphProperties? properties, string? styleId)
    {
        if (properties?.Justification?.Val is { } direct)
        {
            return direct.InnerText;
        }

        foreach (var style in Chain(styleId))
        {
            if (style.StyleParagraphProperties?.Justification?.Val is { } inherited)
            {
                return inherited.InnerText;
            }
        }

        return null;
    }

    /// <summary>The run's effective format.</summary>
    public RunFormat ResolveRun(string? paragraphStyleId, RunProperties? direct)
    {
        var format = _defaults;
        format = StyleRunFormat(paragraphStyleId).Over(format);
        if (direct?.RunStyle?.Val?.Value is { } runStyle)
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
            format = format.Over(ReadRun(style.StyleRunProperties));
        }

        lock (_gate)
        {
            _runFormatCache[styleId] = format;
        }

        return format;
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        var seen = 0;
        while (seen++ < MaxBasedOnDepth && StyleOf(styleId) is { } style)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private RunFormat ReadRun(OpenXmlElement? properties)
    {
        if (properties is null)
        {
            return default;
        }

        var fonts = properties.GetFirstChild<RunFonts>();
        var eastAsia = fonts?.EastAsia?.Value;
        if (string.IsNullOrEmpty(eastAsia) && fonts?.EastAsiaTheme is { } theme)
        {
            eastAsia = (theme.InnerText ?? "").StartsWith("major", StringComparison.Ordinal) ? _themeFonts.Value.Major : _themeFonts.Value.Minor;
        }

        var latin = fonts?.Ascii?.Value ?? fonts?.HighAnsi?.Value;
        double? size = double.TryParse(properties.GetFirstChild<FontSize>()?.Val?.Value, out var halfPoints) ? halfPoints / 2 : null;
        var bold = properties.GetFirstChild<Bold>() is { } b ? b.Val is null || b.Val.Value : (bool?)null;
        var hidden = properties.GetFirstChild<Vanish>() is { } v ? v.Val is null || v.Val.Value : (bool?)null;
        return new RunFormat(string.IsNullOrEmpty(eastAsia) ? null : eastAsia, latin, size, bold, hidden);
    }

    private static double? ReadLineSpacing(OpenXmlElement? paragraphProperties) =>
        ReadLineSpacing(paragraphProperties?.GetFirstChild<SpacingBetweenLines>(), 12);

    private static double? ReadLineSpacing(SpacingBetweenLines? spacing, double sizePt)
    {
        if (spacing?.Line?.Value is not { } raw || !double.TryParse(raw, out var line) || line <= 0)
        {
            return null;
        }

        var rule = spacing.LineRule?.InnerText;
        if (rule is null or "auto")
        {
            return line / 240;
        }

        // exact / atLeast are in twentieths of a point; single spacing of a CJK font is about 1.3 × its size.
        return line / 20 / (sizePt * 1.3);
    }

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

    private static ThemeFonts ThemeFontsOf(MainDocumentPart main, TemplatePartCache? templateParts)
    {
        try
        {
            return main.ThemePart is not { } theme ? ThemeFonts.None
                : templateParts?.ThemeFontsOf(theme) ?? TemplatePartCache.ReadThemeFonts(theme);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or OpenXmlPackageException)
        {
            // A damaged theme costs only the theme-font lookup, not the report.
            return ThemeFonts.None;
        }
    }
}
