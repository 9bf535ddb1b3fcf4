using System.Globalization;
using System.Xml.Linq;

namespace CaseIngest.Documents.Docx;

/// <summary>Line spacing as a <c>w:spacing</c> element writes it: <c>line</c> and its <c>lineRule</c>. A paragraph keeps
/// this, not its <c>w:pPr</c> element: an element holds its parent, so one kept element held the whole parsed
/// document.xml alive for as long as the paragraph lived.</summary>
internal readonly record struct WrittenLineSpacing(double Line, string? Rule)
{
    /// <summary>The spacing <paramref name="spacing"/> sets; null when it sets no positive <c>line</c>.</summary>
    public static WrittenLineSpacing? Of(XElement? spacing) =>
        double.TryParse(spacing.Attr("line"), NumberStyles.Float, CultureInfo.InvariantCulture, out var line) && line > 0
            ? new WrittenLineSpacing(line, spacing.Attr("lineRule"))
            : null;

    /// <summary>As a multiple of single spacing; exact and at-least spacing (twentieths of a point) are converted against
    /// <paramref name="sizePt"/>, single spacing of a CJK font being about 1.3 × its size.</summary>
    public double Multiple(double sizePt) => Rule is null or "auto" ? Line / 240 : Line / 20 / (sizePt * 1.3);
}
