using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;

namespace CaseIngest.Documents.Docx;

/// <summary>The theme's East Asian fonts, minor (body) and major (headings).</summary>
internal sealed record ThemeFonts(string? Minor, string? Major)
{
    public static readonly ThemeFonts None = new(null, null);
}

/// <summary>
/// What documents made from one template share byte for byte — the styles part (hundreds of kilobytes, indexed
/// by style id) and the theme's fonts — kept by the SHA-256 of the part, so that the form and the report of every
/// package from the same template index them once. Both values are immutable once made and safe to share.
/// </summary>
internal sealed class TemplatePartCache
{
    // Templates in use at once: the notice's two, and a few a recommender's typists brought.
    private const int Capacity = 8;

    private readonly RecentByContent<StylePartIndex> _styles = new(Capacity);
    private readonly RecentByContent<ThemeFonts> _themes = new(Capacity);

    /// <exception cref="System.Xml.XmlException">And <see cref="IOException"/>, <see cref="InvalidDataException"/>:
    /// a damaged part (not kept).</exception>
    public StylePartIndex StylesOf(StyleDefinitionsPart part)
    {
        var bytes = BytesOf(part);
        var hash = SHA256.HashData(bytes);
        if (_styles.Find(hash) is { } kept)
        {
            return kept;
        }

        var index = StylePartIndex.Read(bytes);
        _styles.Add(hash, index);
        return index;
    }

    /// <exception cref="System.Xml.XmlException">And <see cref="IOException"/>, <see cref="InvalidDataException"/>:
    /// a damaged part (not kept).</exception>
    public ThemeFonts ThemeFontsOf(ThemePart part)
    {
        var hash = SHA256.HashData(BytesOf(part));
        if (_themes.Find(hash) is { } kept)
        {
            return kept;
        }

        var fonts = ReadThemeFonts(part);
        _themes.Add(hash, fonts);
        return fonts;
    }

    /// <summary>The part's bytes as stored in the package.</summary>
    public static byte[] BytesOf(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The theme's East Asian fonts read through the SDK (a theme is small; only its font scheme is asked).</summary>
    public static ThemeFonts ReadThemeFonts(ThemePart part)
    {
        var scheme = part.Theme?.ThemeElements?.FontScheme;
        return new ThemeFonts(EastAsianTypeface(scheme?.MinorFont), EastAsianTypeface(scheme?.MajorFont));
    }

    private static string? EastAsianTypeface(OpenXmlCompositeElement? fontCollection)
    {
        if (fontCollection is null)
        {
            return null;
        }

        var hans = fontCollection.Elements<A.SupplementalFont>().FirstOrDefault(f => f.Script?.Value == "Hans")?.Typeface?.Value;
        var ea = fontCollection.GetFirstChild<A.EastAsianFont>()?.Typeface?.Value;
        return !string.IsNullOrEmpty(hans) ? hans : string.IsNullOrEmpty(ea) ? null : ea;
    }
}
