using OpenCvSharp;

namespace CaseIngest.Ocr.Tables;

/// <summary>One cell of a ruled table on a page image: its box in the page's pixels (inside its rules), and where it
/// sits on the table's grid of rules (a merged cell spans several grid rows or columns).</summary>
public sealed record TableCell(Rect Box, int Row, int Column, int RowSpan, int ColumnSpan);

/// <summary>The ruled table found on a page image: the positions of its rules and its cells, top to bottom and left to
/// right (by grid row, then grid column).</summary>
public sealed record TableGrid(IReadOnlyList<int> RowRules, IReadOnlyList<int> ColumnRules, IReadOnlyList<TableCell> Cells)
{
    public static TableGrid Empty { get; } = new([], [], []);

    /// <summary>The cell whose box holds <paramref name="point"/>, or null.</summary>
    public TableCell? CellAt(Point point) => Cells.FirstOrDefault(c => c.Box.Contains(point));
}
