using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace CaseIngest.Documents.Docx;

/// <summary>The theme's East Asian fonts, minor (body) and major (headings).</summary>
internal sealed record ThemeFonts(string? Minor, string? Major)
{
    public static readonly ThemeFonts None = new(null, null);
}

/// <summary>
/// What documents made from one template share byte for byte — the styles part (hundreds of kilobytes, indexed
/// by style id) and the numbering part's lists, each kept by what its zip entry declares (<see cref="StoredPart"/>),
/// and the theme's fonts (kept by the
/// SHA-256 of the part, a few kilobytes) — so that the form and the report of every package from the same template
/// index them once. Both values are immutable once made and safe to share.
/// </summary>
internal sealed class TemplatePartCache
{
    // Templates in use at once: the notice's two, and a few a recommender's typists brought.
    private const int Capacity = 8;

    private readonly RecentByContent<StylePartIndex> _styles = new(Capacity);
    private readonly RecentByContent<ThemeFonts> _themes = new(Capacity);
    private readonly RecentByContent<NumberingDefinitions> _numbering = new(Capacity);

    /// <exception cref="XmlException">A damaged part (not kept).</exception>
    /// <exception cref="InvalidDataException">The part holds other than its entry declares (not kept).</exception>
    public StylePartIndex StylesOf(StoredPart part)
    {
        if (_styles.Find(part.Fingerprint) is { } kept)
        {
            return kept;
        }

        var index = StylePartIndex.Read(part.Read());
        _styles.Add(part.Fingerprint, index);
        return index;
    }

    /// <exception cref="XmlException">A damaged or oversized part (not kept).</exception>
    /// <exception cref="InvalidDataException">The part holds other than its entry declares (not kept).</exception>
    public NumberingDefinitions NumberingOf(StoredPart part, XmlReaderSettings settings)
    {
        if (_numbering.Find(part.Fingerprint) is { } kept)
        {
            return kept;
        }

        var definitions = NumberingDefinitions.Read(part.Read(), settings);
        _numbering.Add(part.Fingerprint, definitions);
        return definitions;
    }

    /// <exception cref="XmlException">A damaged part (not kept).</exception>
    public ThemeFonts ThemeFontsOf(byte[] part)
    {
        var hash = SHA256.HashData(part);
        if (_themes.Find(hash) is { } kept)
        {
            return kept;
        }

        var fonts = ReadThemeFonts(part);
        _themes.Add(hash, fonts);
        return fonts;
    }

    /// <summary>The theme's East Asian fonts (<c>a:fontScheme</c>: the Simplified Chinese font of each collection, else
    /// its <c>a:ea</c>).</summary>
    /// <exception cref="XmlException">A damaged part.</exception>
    public static ThemeFonts ReadThemeFonts(byte[] part)
    {
        using var reader = XmlReader.Create(new MemoryStream(part, writable: false), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var theme = WordXml.Transitional(XElement.Load(reader));
        var scheme = theme.Element(WordXml.Drawing + "themeElements")?.Element(WordXml.Drawing + "fontScheme");
        return new ThemeFonts(EastAsianTypeface(scheme?.Element(WordXml.Drawing + "minorFont")), EastAsianTypeface(scheme?.Element(WordXml.Drawing + "majorFont")));
    }

    private static string? EastAsianTypeface(XElement? fontCollection)
    {
        if (fontCollection is null)
        {
            return null;
        }

        var hans = (string?)fontCollection.Elements(WordXml.Drawing + "font").FirstOrDefault(f => (string?)f.Attribute("script") == "Hans")?.Attribute("typeface");
        var ea = (string?)fontCollection.Element(WordXml.Drawing + "ea")?.Attribute("typeface");
        return !string.IsNullOrEmpty(hans) ? hans : string.IsNullOrEmpty(ea) ? null : ea;
    }
}
