using System.Xml;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>What a <c>w:rPr</c> writes of the properties the reader resolves, as written (<see cref="DocxStyles"/>
/// resolves them): read straight from the body's stream for each run, and through the same parser from a style's or
/// the document defaults' element. A run's properties are some two fifths of a body's elements (47,236 of 122,760 in
/// the 120 .docx of the non-OCR bench's first 60 packages): kept as a few strings instead of an element tree.</summary>
/// <param name="Style">The character style (<c>w:rStyle</c>).</param>
/// <param name="EastAsia"><c>w:rFonts/@w:eastAsia</c>.</param>
/// <param name="EastAsiaTheme"><c>w:rFonts/@w:eastAsiaTheme</c>.</param>
/// <param name="Ascii"><c>w:rFonts/@w:ascii</c>.</param>
/// <param name="HighAnsi"><c>w:rFonts/@w:hAnsi</c>.</param>
/// <param name="HalfPoints"><c>w:sz/@w:val</c>.</param>
/// <param name="Bold"><c>w:b</c> (null when absent).</param>
/// <param name="Hidden"><c>w:vanish</c> (null when absent).</param>
internal readonly record struct WrittenRunProperties(
    string? Style, string? EastAsia, string? EastAsiaTheme, string? Ascii, string? HighAnsi, string? HalfPoints, bool? Bold, bool? Hidden)
{
    /// <summary>The Latin font the run names (<c>w:ascii</c>, else <c>w:hAnsi</c>).</summary>
    public string? LatinFont => Ascii ?? HighAnsi;

    /// <summary>The run is typed in a Wingdings font: its characters are symbols, boxes among them.</summary>
    public bool IsWingdings => CheckboxGlyphs.IsWingdings(LatinFont);

    /// <summary>The properties of a <c>w:rPr</c> element; none for null.</summary>
    public static WrittenRunProperties Of(XElement? properties)
    {
        if (properties is null)
        {
            return default;
        }

        using var reader = properties.CreateReader();
        reader.MoveToContent();
        return Read(reader);
    }

    /// <summary>Reads the <c>w:rPr</c> the reader is on, leaving it past the element's end. Each property counts once,
    /// the first time it is written.</summary>
    public static WrittenRunProperties Read(XmlReader reader)
    {
        string? style = null, eastAsia = null, eastAsiaTheme = null, ascii = null, highAnsi = null, halfPoints = null;
        bool? bold = null, hidden = null;
        bool styled = false, fonts = false, size = false;
        var depth = reader.Depth;
        if (XmlWalk.Enter(reader))
        {
            while (XmlWalk.NextChild(reader, depth))
            {
                if (NamespaceOf(reader) == WUri)
                {
                    switch (reader.LocalName)
                    {
                        case "rStyle" when !styled:
                            styled = true;
                            style = Attr(reader, "val");
                            break;
                        case "rFonts" when !fonts:
                            fonts = true;
                            (eastAsia, eastAsiaTheme, ascii, highAnsi) = (Attr(reader, "eastAsia"), Attr(reader, "eastAsiaTheme"), Attr(reader, "ascii"), Attr(reader, "hAnsi"));
                            break;
                        case "sz" when !size:
                            size = true;
                            halfPoints = Attr(reader, "val");
                            break;
                        case "b":
                            bold ??= IsOn(Attr(reader, "val"));
                            break;
                        case "vanish":
                            hidden ??= IsOn(Attr(reader, "val"));
                            break;
                    }
                }

                reader.Skip();
            }
        }

        return new WrittenRunProperties(style, eastAsia, eastAsiaTheme, ascii, highAnsi, halfPoints, bold, hidden);
    }
}
