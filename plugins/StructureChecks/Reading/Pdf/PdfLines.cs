using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace CaseIngest.Plugins.StructureChecks.Reading.Pdf;

/// <summary>A line of a PDF page, and whether it sits inside a ruled table.</summary>
internal readonly record struct PdfLine(string Text, bool InTable);

/// <summary>
/// Rebuilds a page's lines from its letters (top to bottom, left to right) and marks the lines inside ruled tables:
/// 字数 leaves table cells out, and a PDF has no table structure but the rules drawn around the cells.
/// </summary>
internal static class PdfLines
{
    private const double RuleThickness = 3;
    private const double Touching = 3;
    private const int MinRulesPerTable = 4;

    public static List<PdfLine> Of(Page page)
    {
        var tables = TableRegions(page);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X).ToList();
        var lines = new List<PdfLine>();
        var current = new List<Letter>();
        foreach (var letter in letters)
        {
            if (current.Count > 0 && Math.Abs(current[0].StartBaseLine.Y - letter.StartBaseLine.Y) > Math.Max(1, current[0].PointSize * 0.5))
            {
                lines.Add(Build(current, tables));
                current.Clear();
            }

            current.Add(letter);
        }

        if (current.Count > 0)
        {
            lines.Add(Build(current, tables));
        }

        return lines;
    }

    private static PdfLine Build(List<Letter> letters, List<PdfRectangle> tables)
    {
        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new StringBuilder();
        var inTable = 0;
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > previous.PointSize * 0.25)
            {
                text.Append(' ');
            }

            text.Append(letter.Value);
            var centre = new PdfPoint((letter.BoundingBox.Left + letter.BoundingBox.Right) / 2, (letter.BoundingBox.Bottom + letter.BoundingBox.Top) / 2);
            if (tables.Any(t => centre.X >= t.Left && centre.X <= t.Right && centre.Y >= t.Bottom && centre.Y <= t.Top))
            {
                inTable++;
            }

            previous = letter;
        }

        return new PdfLine(text.ToString().Trim(), inTable * 2 > letters.Count);
    }

    /// <summary>Groups of thin ruling lines that touch one another, as rectangles.</summary>
    private static List<PdfRectangle> TableRegions(Page page)
    {
        var rules = new List<PdfRectangle>();
        foreach (var path in page.Paths)
        {
            if (path.GetBoundingRectangle() is { } box && (box.Height <= RuleThickness || box.Width <= RuleThickness) &&
                Math.Max(box.Width, box.Height) > RuleThickness * 3)
            {
                rules.Add(box);
            }
        }

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
