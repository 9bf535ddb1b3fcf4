using System.Globalization;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// How a checkbox reads in the visible text, whatever kind it is: ☑ when ticked, ☐ when not. Content-control
/// checkboxes (<c>w14:checkbox</c>) by their <c>w14:checked</c> state, never by the glyph shown; legacy form fields
/// (<c>FORMCHECKBOX</c>) by <c>w:checked</c>, else <c>w:default</c>; boxes typed as Wingdings symbols by their character.
/// </summary>
public static class CheckboxGlyphs
{
    public const char Ticked = '☑';
    public const char Unticked = '☐';

    internal static string Of(bool ticked) => ticked ? "☑" : "☐";

    /// <summary>The state of a content control that is a checkbox; null when it is none.</summary>
    internal static bool? ContentControlState(XElement? properties)
    {
        var checkbox = properties?.Element(W14 + "checkbox");
        return checkbox is null ? null : IsOn(checkbox.Elements().FirstOrDefault(e => e.Name.LocalName == "checked"), W14);
    }

    /// <summary>The state of a legacy checkbox form field (on its <c>w:fldChar w:fldCharType="begin"</c>); null when
    /// the field is no checkbox.</summary>
    internal static bool? FormFieldState(XElement begin)
    {
        var checkBox = begin.Child("ffData")?.Elements().FirstOrDefault(e => e.Name.LocalName == "checkBox");
        if (checkBox is null)
        {
            return null;
        }

        // w:checked overrides w:default; a w:checked without w:val means checked.
        return checkBox.Elements().FirstOrDefault(e => e.Name.LocalName == "checked") is { } c
            ? IsOn(c, W)
            : IsOn(checkBox.Elements().FirstOrDefault(e => e.Name.LocalName == "default"), W);
    }

    /// <summary>A character typed in a Wingdings font: its box as ☑ / ☐, null for any other character (kept as it is).</summary>
    internal static string? WingdingsBox(char c) => MapWingdingsChar(c, wingdings2: false);

    /// <summary>A <c>w:sym</c> by its <c>w:font</c> and <c>w:char</c>: a Wingdings box as ☑ / ☐, any other symbol as nothing.</summary>
    internal static string MapSymbol(string? font, string? code)
    {
        font ??= "";
        if (!font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var number))
        {
            return "";
        }

        return MapWingdingsChar((char)(number & 0xff), font.Contains('2', StringComparison.Ordinal)) ?? "";
    }

    /// <summary>A run's Latin font is a Wingdings font: its characters are symbols, boxes among them.</summary>
    internal static bool IsWingdings(string? latinFont) =>
        (latinFont ?? "").StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase);

    private static bool IsOn(XElement? element, XNamespace ns)
    {
        if (element is null)
        {
            return false;
        }

        var value = (string?)element.Attribute(ns + "val") ?? (string?)element.Attribute("val");
        return value is null or "1" or "true" or "on";
    }

    // The boxes Word's Insert Symbol offers: Wingdings þ ý x ¨ o ü, Wingdings 2 R T P £ *.
    private static string? MapWingdingsChar(char c, bool wingdings2) => c is > '\u00ff' and (< '\uf000' or > '\uf0ff') ? null : (wingdings2, c & 0xff) switch
    {
        (false, 0xFE) or (false, 0xFD) or (false, 0x78) or (false, 0xFC) => "☑",
        (false, 0xA8) or (false, 0x6F) => "☐",
        (true, 0x52) or (true, 0x54) or (true, 0x50) => "☑",
        (true, 0xA3) or (true, 0x2A) => "☐",
        _ => null,
    };
}
