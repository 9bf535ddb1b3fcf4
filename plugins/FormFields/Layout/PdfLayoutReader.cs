using System.Text;
using CaseIngest.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// Reads a text PDF of the form (exported from Word, WPS or LibreOffice) into the same rows as a .docx: letters are
/// put into the table cells that the page's ruling lines enclose, cells sharing a top edge make a row, and the lines of
/// a cell are joined back where the text only wrapped. Letters outside any cell become paragraph rows.
/// </summary>
internal sealed class PdfLayoutReader
{
    /// <summary>The layout, and how many letters the PDF has (none: a scan without a text layer).</summary>
    /// <param name="only">The form's pages when the PDF holds other documents too; null: every page.</param>
    public (FormLayout Layout, int Letters) Read(byte[] bytes, IReadOnlySet<int>? only = null)
    {
        using var document = PdfDocument.Open(bytes);
        var layout = new FormLayout();
        var letters = 0;
        foreach (var page in document.GetPages().Where(page => only is null || only.Contains(page.Number)))
        {
            letters += page.Letters.Count;
            PageBreakRows.Append(layout, PageRows(page));
        }

        return (layout, letters);
    }

    private static List<FormRow> PageRows(Page page)
    {
        var rulings = PdfRulings.Of(page);
        var (horizontal, vertical) = (rulings.Horizontal, rulings.Vertical);
        var cells = new Dictionary<(int L, int T, int R, int B), List<Letter>>();
        var loose = new List<Letter>();
        var explicitSpaces = PdfTextLines.HasSpaceGlyphs(page);
        foreach (var letter in page.Letters)
        {
            if (letter.Value.Length == 0 || (!explicitSpaces && string.IsNullOrWhiteSpace(letter.Value)))
            {
                continue;
            }

            var box = letter.BoundingBox;
            var (x, y) = (box.Centroid.X, box.Centroid.Y);
            if (box.Width <= 0 || box.Height <= 0)
            {
                (x, y) = (letter.StartBaseLine.X + (letter.Width / 2), letter.StartBaseLine.Y + (letter.PointSize / 3));
            }

            var left = vertical.Where(v => v.At <= x && v.From - 1 <= y && y <= v.To + 1).Select(v => v.At).DefaultIfEmpty(double.NaN).Max();
            var right = vertical.Where(v => v.At >= x && v.From - 1 <= y && y <= v.To + 1).Select(v => v.At).DefaultIfEmpty(double.NaN).Min();
            var top = horizontal.Where(h => h.At >= y && h.From - 1 <= x && x <= h.To + 1).Select(h => h.At).DefaultIfEmpty(double.NaN).Min();
            var bottom = horizontal.Where(h => h.At <= y && h.From - 1 <= x && x <= h.To + 1).Select(h => h.At).DefaultIfEmpty(double.NaN).Max();
            if (double.IsNaN(left) || double.IsNaN(right) || double.IsNaN(top) || double.IsNaN(bottom))
            {
                loose.Add(letter);
                continue;
            }

            var key = ((int)Math.Round(left), (int)Math.Round(top), (int)Math.Round(right), (int)Math.Round(bottom));
            (cells.TryGetValue(key, out var list) ? list : cells[key] = []).Add(letter);
        }

        // Reading order: paragraphs and table rows top to bottom (PDF y grows upwards).
        var items = new List<(double Top, FormRow Row)>();
        foreach (var line in PdfTextLines.Group(loose).Where(l => !IsPageFurniture(l, page)))
        {
            items.Add((line.Max(l => l.BoundingBox.Top), new FormRow([new FormCell(PdfTextLines.Text(line, explicitSpaces), 0, double.MaxValue)], -1)));
        }

        foreach (var row in cells.GroupBy(c => c.Key.T).OrderByDescending(g => g.Key))
        {
            var rowCells = row.OrderBy(c => c.Key.L).Select(c => new FormCell(CellText(c.Value, c.Key.R, explicitSpaces), c.Key.L, c.Key.R)).ToList();
            items.Add((row.Key, new FormRow(rowCells, 0)));
        }

        return items.OrderByDescending(i => i.Top).Select(i => i.Row).ToList();
    }

    /// <summary>A short line in the top or bottom margin (page number, running header): between the two halves of a
    /// table broken over pages it would otherwise end the block that continues on the next page.</summary>
    private static bool IsPageFurniture(List<Letter> line, Page page)
    {
        var margin = page.Height * 0.08;
        var top = line.Max(l => l.BoundingBox.Top);
        var bottom = line.Min(l => l.BoundingBox.Bottom);
        return line.Count <= 30 && (bottom > page.Height - margin || top < margin);
    }

    /// <summary>A cell's lines; a line that runs up to the cell's right edge wrapped, so the next one continues it.</summary>
    private static string CellText(List<Letter> letters, double cellRight, bool explicitSpaces)
    {
        var builder = new StringBuilder();
        List<Letter>? previous = null;
        var lines = PdfTextLines.Group(letters);
        // The widest line shows where this cell's text wraps (cell padding, justification and the rule that a line may
        // not start with ，。 leave wrapped lines a little short of it), so compare with it rather than with the rule.
        var wrapAt = Math.Min(cellRight, lines.Max(l => l.Where(x => !string.IsNullOrWhiteSpace(x.Value)).Select(x => x.EndBaseLine.X).DefaultIfEmpty(0).Max()));
        foreach (var line in lines)
        {
            if (previous is not null)
            {
                var last = previous.LastOrDefault(l => !string.IsNullOrWhiteSpace(l.Value)) ?? previous[^1];
                // Word breaks lines after a hyphen or inside an address too (0551-|65862317, name@|example.com).
                var wrapped = wrapAt - last.EndBaseLine.X < Math.Max(last.PointSize, 4) * 2.2
                    || CellLines.EndsAtBreak(last.Value);
                var text = PdfTextLines.Text(line, explicitSpaces);
                builder.Append(wrapped || CellLines.ContinuesToken(builder, text) ? "" : "\n");
                builder.Append(text);
                previous = line;
                continue;
            }

            builder.Append(PdfTextLines.Text(line, explicitSpaces));
            previous = line;
        }

        return builder.ToString();
    }
}
