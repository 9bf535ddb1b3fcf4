using System.Text;
using CaseIngest.Ocr.Engines;
using CaseIngest.Ocr.Imaging;
using CaseIngest.Ocr.Marks;
using CaseIngest.Ocr.Tables;
using CaseIngest.Plugins.FormFields.Layout;
using CaseIngest.Plugins.FormFields.Parsing;
using OpenCvSharp;

namespace CaseIngest.Plugins.FormFields.Scans;

/// <summary>
/// Reads one page image of a scanned form into the rows the form parser reads from a .docx: the page straightened and
/// its seal ink removed, the form's table found by its rules (<see cref="TableGridFinder"/>), every text line the OCR
/// detects read inside the cell that holds it (a line running over a rule is cut there), the cells' lines joined where
/// the text only wrapped. In a cell holding a row of checkboxes the boxes are not read as text: each becomes ☑ or ☐
/// by the ink inside it, in its place among the words. A page without a table of the form's size is no form page.
/// </summary>
internal sealed class ScanPageReader
{
    private const double A4WidthMm = 210;

    // A checkbox is 2–6 mm a side (a character of 10–14 pt is about 3.5–5 mm); a cell offers choices when it holds
    // at least three (a lone box-shaped character, 国 or 回, does not make a list of choices).
    private const double MinBoxMm = 2;
    private const double MaxBoxMm = 6;
    private const int MinChoices = 3;

    /// <summary>The page's rows, or null when it holds no table of the form: one of at least <paramref name="minimumCells"/>
    /// cells, or, on the page after one of the form's, any table between the same outer rules (the form's table
    /// continued: its last rows, a few cells, broken over the page).</summary>
    /// <param name="continuing">The table of the form's page before this one; null when none.</param>
    /// <param name="engines">The plugin's engines, loaded only when a page holds a table.</param>
    public async Task<ScannedPage?> ReadAsync(Mat page, OcrEngineProvider engines, TableSpan? continuing, int minimumCells,
        int detectionMaxSide, CancellationToken cancellationToken)
    {
        using var redless = SealInkSuppressor.RedChannelAsGrey(page);
        using var straight = Deskewer.Straighten(redless, Deskewer.MeasureSkew(redless));
        var grey = straight ?? redless;
        var grid = TableGridFinder.Find(grey);
        if (grid.Cells.Count == 0)
        {
            return null;
        }

        var span = TableSpan.Of(grid, grey.Width);
        if (grid.Cells.Count < minimumCells && !(continuing is not null && span.Continues(continuing)))
        {
            return null;
        }

        var pixelsPerMm = grey.Width / A4WidthMm;
        var choices = grid.Cells.ToDictionary(cell => cell, cell => Choices(grey, cell, pixelsPerMm));
        var lines = await engines.Pool.UseAsync(engine =>
        {
            var found = engine.FindLines(grey, detectionMaxSide, cancellationToken);
            var pieces = found.SelectMany(line => Pieces(line.Bounds, grid, choices)).Select(TextRegion.Of).ToList();
            return engine.ReadRegions(grey, pieces, cancellationToken);
        }, cancellationToken);

        return new ScannedPage(Rows(grid, choices, lines), span);
    }

    private static IReadOnlyList<Checkbox> Choices(Mat grey, TableCell cell, double pixelsPerMm)
    {
        var boxes = CheckboxFinder.Find(grey, cell.Box, (int)(MinBoxMm * pixelsPerMm), (int)(MaxBoxMm * pixelsPerMm));
        return boxes.Count >= MinChoices ? boxes : [];
    }

    /// <summary>The parts of a detected line to read: cut to each cell it lies in (by its middle), the checkboxes in it
    /// cut out; a line outside the table (the title) whole.</summary>
    private static IEnumerable<Rect> Pieces(Rect line, TableGrid grid, Dictionary<TableCell, IReadOnlyList<Checkbox>> choices)
    {
        var middle = line.Y + line.Height / 2;
        var cells = grid.Cells.Where(c => c.Box.Top <= middle && middle <= c.Box.Bottom
            && Math.Min(line.Right, c.Box.Right) - Math.Max(line.Left, c.Box.Left) >= Math.Min(line.Width, line.Height)).ToList();
        if (cells.Count == 0)
        {
            yield return line;
            yield break;
        }

        foreach (var cell in cells)
        {
            var clip = line & cell.Box;
            var left = clip.Left;
            foreach (var box in choices[cell].Where(b => b.Box.Top <= middle && middle <= b.Box.Bottom && b.Box.Right > clip.Left && b.Box.Left < clip.Right).OrderBy(b => b.Box.Left))
            {
                if (box.Box.Left - left >= clip.Height / 2)
                {
                    yield return new Rect(left, clip.Top, box.Box.Left - left, clip.Height);
                }

                left = Math.Max(left, box.Box.Right);
            }

            if (clip.Right - left >= clip.Height / 2)
            {
                yield return new Rect(left, clip.Top, clip.Right - left, clip.Height);
            }
        }
    }

    /// <summary>The table's rows (cells by the grid row they start in) and the lines outside it, top to bottom.</summary>
    private static List<FormRow> Rows(TableGrid grid, Dictionary<TableCell, IReadOnlyList<Checkbox>> choices, IReadOnlyList<OcrLine> lines)
    {
        var byCell = new Dictionary<TableCell, List<Item>>();
        var rows = new List<(int Top, FormRow Row)>();
        foreach (var line in lines)
        {
            var cell = grid.CellAt(new Point(line.Box.X + line.Box.Width / 2, line.Box.Y + line.Box.Height / 2));
            if (cell is null)
            {
                // Beside the table, within its height, there is nothing of the form's: a mark in the margin there would
                // otherwise end the block whose rows it falls between.
                var middle = line.Box.Y + line.Box.Height / 2;
                if (middle < grid.RowRules[0] || middle > grid.RowRules[^1])
                {
                    rows.Add((line.Box.Top, new FormRow([new FormCell(line.Text, 0, double.MaxValue, line.Confidence)], -1)));
                }

                continue;
            }

            (byCell.TryGetValue(cell, out var items) ? items : byCell[cell] = []).Add(new Item(line.Text, line.Box, line.Confidence));
        }

        foreach (var (cell, boxes) in choices)
        {
            foreach (var box in boxes)
            {
                var mark = box.Ticked ? CheckboxText.Ticked : CheckboxText.Unticked;
                (byCell.TryGetValue(cell, out var items) ? items : byCell[cell] = []).Add(new Item(mark.ToString(), box.Box, box.Certainty));
            }
        }

        foreach (var row in grid.Cells.GroupBy(c => c.Row))
        {
            var cells = row.OrderBy(c => c.Column).Select(c =>
            {
                var items = byCell.GetValueOrDefault(c) ?? [];
                return new FormCell(MatchedBrackets(CellText(items, c.Box)), c.Box.Left, c.Box.Right, items.Count == 0 ? 1 : items.Min(i => i.Confidence));
            }).ToList();
            rows.Add((row.Min(c => c.Box.Top), new FormRow(cells, 0)));
        }

        return rows.OrderBy(r => r.Top).Select(r => r.Row).ToList();
    }

    /// <summary>A cell's text: its pieces in lines (top to bottom, left to right); a line that reaches the cell's right
    /// edge wrapped, so the next continues it, else the next starts a new line.</summary>
    private static string CellText(List<Item> items, Rect cell)
    {
        var lines = new List<List<Item>>();
        foreach (var item in items.OrderBy(i => i.Box.Y + i.Box.Height / 2))
        {
            // One line: middles close, within a third of a line's height (the detector's boxes are taller than the text,
            // so boxes of consecutive lines overlap).
            var middle = item.Box.Y + item.Box.Height / 2;
            if (lines.Count > 0 && lines[^1].Any(i => Math.Abs(i.Box.Y + i.Box.Height / 2 - middle) <= Math.Min(i.Box.Height, item.Box.Height) / 3))
            {
                lines[^1].Add(item);
            }
            else
            {
                lines.Add([item]);
            }
        }

        var text = new StringBuilder();
        Item? previousEnd = null;
        foreach (var line in lines)
        {
            var ordered = line.OrderBy(i => i.Box.Left).ToList();
            var lineText = new StringBuilder();
            for (var i = 0; i < ordered.Count; i++)
            {
                // Words of Latin letters or digits read as separate pieces of one line keep a space between them.
                if (i > 0 && lineText.Length > 0 && char.IsAsciiLetterOrDigit(lineText[^1]) && ordered[i].Text.Length > 0 && char.IsAsciiLetterOrDigit(ordered[i].Text[0]))
                {
                    lineText.Append(' ');
                }

                lineText.Append(ordered[i].Text);
            }

            if (previousEnd is not null)
            {
                var wrapped = cell.Right - previousEnd.Box.Right < 2.5 * previousEnd.Box.Height
                    || (text.Length > 0 && CellLines.EndsAtBreak(text[^1].ToString()))
                    || CellLines.ContinuesToken(text, lineText.ToString());
                text.Append(wrapped ? "" : "\n");
            }

            text.Append(lineText);
            previousEnd = ordered[^1];
        }

        return text.ToString();
    }

    /// <summary>The OCR reads a full-width bracket's mate as ASCII now and then (总监（综合管理部)): a closing bracket takes
    /// the width of the opening one it closes.</summary>
    private static string MatchedBrackets(string text)
    {
        var chars = text.ToCharArray();
        var open = '\0';
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '(' or '（')
            {
                open = chars[i];
            }
            else if (chars[i] is ')' or '）' && open != '\0')
            {
                chars[i] = open == '（' ? '）' : ')';
                open = '\0';
            }
        }

        return new string(chars);
    }

    /// <summary>A piece of a cell's text (a read line, a checkbox's mark) where it lies, with how sure the reading is.</summary>
    private sealed record Item(string Text, Rect Box, double Confidence);
}

/// <summary>A page of a scanned form read: its rows and where its table lies.</summary>
internal sealed record ScannedPage(List<FormRow> Rows, TableSpan Table);

/// <summary>Where a page's table lies across the page, its outer rules as shares of the page's width (pages of one
/// scan can differ in pixels, a table continued over a page break keeps its columns).</summary>
internal sealed record TableSpan(double Left, double Right)
{
    // The same table on the next page: both outer rules within 1.5 % of the page's width of the last page's (a scan's
    // skew and the rule finder's pixels move them less; another table of the package, a signature page's frames, more).
    private const double SameRule = 0.015;

    public static TableSpan Of(TableGrid grid, int pageWidth) =>
        new((double)grid.ColumnRules[0] / pageWidth, (double)grid.ColumnRules[^1] / pageWidth);

    public bool Continues(TableSpan previous) =>
        Math.Abs(Left - previous.Left) <= SameRule && Math.Abs(Right - previous.Right) <= SameRule;
}
