using CaseIngest.Documents.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace CaseIngest.Plugins.StructureChecks.Reading.Pdf;

/// <summary>A line of a PDF page, and whether it sits inside a ruled table.</summary>
internal readonly record struct PdfLine(string Text, bool InTable);

/// <summary>
/// A page's lines (the shared <see cref="PdfTextLines"/>), each marked when it lies inside a ruled table: 字数 leaves
/// table cells out, and a PDF has no table structure but the rules drawn around the cells.
/// </summary>
internal static class PdfLines
{
    private const double Touching = 3;
    private const int MinRulesPerTable = 4;

    public static List<PdfLine> Of(Page page)
    {
        var tables = TableRegions(page);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value));
        return PdfTextLines.Group(letters).Select(line => new PdfLine(PdfTextLines.Text(line, spaceGlyphs: false).Trim(), InTable(line, tables))).ToList();
    }

    private static bool InTable(List<Letter> line, List<PdfRectangle> tables)
    {
        var inside = line.Count(letter =>
        {
            var centre = new PdfPoint((letter.BoundingBox.Left + letter.BoundingBox.Right) / 2, (letter.BoundingBox.Bottom + letter.BoundingBox.Top) / 2);
            return tables.Any(t => centre.X >= t.Left && centre.X <= t.Right && centre.Y >= t.Bottom && centre.Y <= t.Top);
        });
        return inside * 2 > line.Count;
    }

    /// <summary>Groups of thin ruling lines that touch one another, as rectangles. A rule is a whole thin path:
    /// stroked frames and shapes are no tables, and a box drawn around a paragraph must not take its 字数.</summary>
    private static List<PdfRectangle> TableRegions(Page page)
    {
        var rules = page.Paths.Select(p => p.GetBoundingRectangle()).OfType<PdfRectangle>()
            .Where(box => (box.Height <= PdfRulings.Thin || box.Width <= PdfRulings.Thin) && Math.Max(box.Width, box.Height) > PdfRulings.Thin * 3);
        var groups = new List<(PdfRectangle Box, int Count)>();
        foreach (var rule in rules)
        {
            var box = rule;
            var count = 1;
            for (var i = groups.Count - 1; i >= 0; i--)
            {
                if (Touches(groups[i].Box, box))
                {
                    box = Union(groups[i].Box, box);
                    count += groups[i].Count;
                    groups.RemoveAt(i);
                }
            }

            groups.Add((box, count));
        }

        return groups.Where(g => g.Count >= MinRulesPerTable).Select(g => g.Box).ToList();
    }

    private static bool Touches(PdfRectangle a, PdfRectangle b) =>
        a.Left - Touching <= b.Right && b.Left - Touching <= a.Right && a.Bottom - Touching <= b.Top && b.Bottom - Touching <= a.Top;

    private static PdfRectangle Union(PdfRectangle a, PdfRectangle b) =>
        new(Math.Min(a.Left, b.Left), Math.Min(a.Bottom, b.Bottom), Math.Max(a.Right, b.Right), Math.Max(a.Top, b.Top));
}
