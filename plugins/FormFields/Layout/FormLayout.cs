namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// A document reduced to what the form parser needs, whatever the source format: rows of cells in reading order.
/// Checkboxes of every kind are already turned into the text symbols ☑ / ☐ here, so the parser knows one kind only.
/// </summary>
internal sealed class FormLayout
{
    public List<FormRow> Rows { get; } = [];
}

/// <summary>One table row, or one paragraph outside tables (a single cell, <see cref="TableId"/> -1).</summary>
/// <param name="TableId">Rows of one table share it; a block of the form never continues into another table.</param>
internal sealed record FormRow(IReadOnlyList<FormCell> Cells, int TableId)
{
    public bool IsEmpty => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>A cell with its horizontal extent (grid columns for .docx, points for PDF), used to line values up
/// with the column headers above them. Lines of the cell are separated by '\n'.</summary>
internal sealed record FormCell(string Text, double Left, double Right)
{
    public double Overlap(FormCell other) => Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left));
}
