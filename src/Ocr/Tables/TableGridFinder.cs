using OpenCvSharp;

namespace CaseIngest.Ocr.Tables;

/// <summary>
/// Finds a ruled table on a page image by its rules, not its text: the ink is split into long horizontal and long
/// vertical strokes by morphological opening (characters' strokes are shorter than a cell), the strokes' positions
/// make a grid of rules, and two neighbouring grid cells are one table cell where the rule between them is missing
/// (a merged cell). A grid cell counts only inside the rules that close it, so text and lines outside the table stay out.
/// </summary>
public static class TableGridFinder
{
    // A stroke of a rule is at least this share of the page's width (horizontal) or height (vertical): longer than any
    // character, shorter than a one-line row. At 200 dpi on A4: 66 and 39 pixels.
    private const double HorizontalShare = 1.0 / 25;
    private const double VerticalShare = 1.0 / 60;

    // A rule's strokes add up to at least this many stroke lengths: a character's strokes that happen to line up do not.
    private const int MinStrokesPerRule = 2;

    // A rule is inked along this share of a cell's side (scans break thin rules; a missing rule leaves hardly any ink).
    private const double RulePresent = 0.6;

    /// <summary>The table on an 8-bit grey page (dark ink on light paper, already straightened); empty when none.</summary>
    public static TableGrid Find(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"expected an 8-bit grey image, got {grey.Type()}", nameof(grey));
        }

        using var ink = Ink(grey);
        var horizontalLength = HorizontalLength(grey);
        var verticalLength = VerticalLength(grey);
        using var horizontal = Strokes(ink, horizontalLength);
        using var vertical = Strokes(ink, verticalLength);
        var tolerance = Math.Max(3, grey.Width / 300);
        var rows = RulePositions(horizontal, horizontal: true, tolerance, MinStrokesPerRule * horizontalLength.Width);
        var columns = RulePositions(vertical, horizontal: false, tolerance, MinStrokesPerRule * verticalLength.Height);
        if (rows.Count < 2 || columns.Count < 2)
        {
            return TableGrid.Empty;
        }

        return new TableGrid(rows, columns, Cells(horizontal, vertical, rows, columns, tolerance));
    }

    private static Mat Ink(Mat grey)
    {
        var ink = new Mat();
        var block = Math.Max(15, (grey.Width / 80) | 1);
        Cv2.AdaptiveThreshold(grey, ink, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.BinaryInv, block, 15);
        return ink;
    }

    private static Size HorizontalLength(Mat grey) => new(Math.Max(20, (int)(grey.Width * HorizontalShare)), 1);

    private static Size VerticalLength(Mat grey) => new(1, Math.Max(12, (int)(grey.Height * VerticalShare)));

    /// <summary>The ink's strokes at least as long as <paramref name="length"/> in its direction, small gaps closed.</summary>
    private static Mat Strokes(Mat ink, Size length)
    {
        var strokes = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, length);
        Cv2.MorphologyEx(ink, strokes, MorphTypes.Open, kernel);
        // Noise and a scan's faint stretches break a rule into pieces; a short closing along it joins them again. Across
        // lines of text it would join characters' strokes into a rule, so vertical strokes are left as they are.
        if (length.Width > 1)
        {
            using var bridge = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 1));
            Cv2.MorphologyEx(strokes, strokes, MorphTypes.Close, bridge);
        }

        return strokes;
    }

    /// <summary>The positions (y of horizontal rules, x of vertical ones) of the strokes, near ones merged into one, of
    /// the rules whose strokes add up to <paramref name="minLength"/>.</summary>
    private static List<int> RulePositions(Mat strokes, bool horizontal, int tolerance, int minLength)
    {
        Cv2.FindContours(strokes, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var found = contours.Select(Cv2.BoundingRect)
            .Select(r => (At: horizontal ? r.Y + r.Height / 2 : r.X + r.Width / 2, Length: horizontal ? r.Width : r.Height))
            .OrderBy(s => s.At)
            .ToList();
        var merged = new List<List<(int At, int Length)>>();
        foreach (var stroke in found)
        {
            if (merged.Count > 0 && stroke.At - merged[^1][^1].At <= tolerance)
            {
                merged[^1].Add(stroke);
            }
            else
            {
                merged.Add([stroke]);
            }
        }

        return merged.Where(g => g.Sum(s => s.Length) >= minLength).Select(g => g[g.Count / 2].At).ToList();
    }

    private static List<TableCell> Cells(Mat horizontal, Mat vertical, List<int> rows, List<int> columns, int tolerance)
    {
        var rowCount = rows.Count - 1;
        var columnCount = columns.Count - 1;
        var owner = new int[rowCount * columnCount];
        for (var i = 0; i < owner.Length; i++)
        {
            owner[i] = i;
        }

        int Find(int i) => owner[i] == i ? i : owner[i] = Find(owner[i]);
        void Join(int a, int b) => owner[Find(a)] = Find(b);

        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                if (c + 1 < columnCount && !VerticalRule(vertical, columns[c + 1], rows[r], rows[r + 1], tolerance))
                {
                    Join(r * columnCount + c, r * columnCount + c + 1);
                }

                if (r + 1 < rowCount && !HorizontalRule(horizontal, rows[r + 1], columns[c], columns[c + 1], tolerance))
                {
                    Join(r * columnCount + c, (r + 1) * columnCount + c);
                }
            }
        }

        var cells = new List<TableCell>();
        foreach (var group in Enumerable.Range(0, owner.Length).GroupBy(Find))
        {
            var top = group.Min(i => i / columnCount);
            var bottom = group.Max(i => i / columnCount);
            var left = group.Min(i => i % columnCount);
            var right = group.Max(i => i % columnCount);
            // A cell is a rectangle of grid cells closed by rules on every side; anything else is outside the table
            // (the margin around it, a gap between two tables) or a rule the scan lost.
            if (group.Count() != (bottom - top + 1) * (right - left + 1)
                || !HorizontalRule(horizontal, rows[top], columns[left], columns[right + 1], tolerance)
                || !HorizontalRule(horizontal, rows[bottom + 1], columns[left], columns[right + 1], tolerance)
                || !VerticalRule(vertical, columns[left], rows[top], rows[bottom + 1], tolerance)
                || !VerticalRule(vertical, columns[right + 1], rows[top], rows[bottom + 1], tolerance))
            {
                continue;
            }

            var box = Span(columns[left] + tolerance, rows[top] + tolerance, columns[right + 1] - tolerance, rows[bottom + 1] - tolerance);
            if (box.Width > 0 && box.Height > 0)
            {
                cells.Add(new TableCell(box, top, left, bottom - top + 1, right - left + 1));
            }
        }

        return cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
    }

    /// <summary>Whether a horizontal rule runs at <paramref name="y"/> from <paramref name="x1"/> to <paramref name="x2"/>.</summary>
    private static bool HorizontalRule(Mat horizontal, int y, int x1, int x2, int tolerance) =>
        Inked(horizontal, Span(x1 + tolerance, y - tolerance, x2 - tolerance, y + tolerance + 1), ReduceDimension.Row);

    /// <summary>Whether a vertical rule runs at <paramref name="x"/> from <paramref name="y1"/> to <paramref name="y2"/>.</summary>
    private static bool VerticalRule(Mat vertical, int x, int y1, int y2, int tolerance) =>
        Inked(vertical, Span(x - tolerance, y1 + tolerance, x + tolerance + 1, y2 - tolerance), ReduceDimension.Column);

    /// <summary>The rectangle between two corners; empty when they are the wrong way round (rules closer than the tolerance).</summary>
    private static Rect Span(int left, int top, int right, int bottom) => new(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));

    /// <summary>Whether the band's rule is inked along most of its length (<paramref name="across"/>: the band's thickness).</summary>
    private static bool Inked(Mat strokes, Rect band, ReduceDimension across)
    {
        band &= new Rect(0, 0, strokes.Width, strokes.Height);
        if (band.Width <= 0 || band.Height <= 0)
        {
            return false;
        }

        using var region = new Mat(strokes, band);
        using var profile = new Mat();
        Cv2.Reduce(region, profile, across, ReduceTypes.Max, -1);
        return (double)Cv2.CountNonZero(profile) / profile.Total() >= RulePresent;
    }
}
