namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// A document reduced to what the form parser needs, whatever the source format: rows of cells in reading order.
/// Checkboxes of every kind are already turned into the text symbols ☑ / ☐ here, so the parser knows one kind only.
/// </summary>
internal sealed class FormLayout
{
    public List<FormRow> Rows { get; } = [];

    /// <summary>True when the rows were read by OCR from a scan: the cells' confidences then say where a person should look.</summary>
    public bool Scanned { get; init; }
}

/// <summary>One table row, or one paragraph outside tables (a single cell, <see cref="TableId"/> -1).</summary>
/// <param name="TableId">Rows of one table share it; a block of the form never continues into another table.</param>
internal sealed record FormRow(IReadOnlyList<FormCell> Cells, int TableId)
{
    public bool IsEmpty => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>A cell with its horizontal extent (grid columns for .docx, points for PDF, pixels for a scan), used to line
/// values up with the column headers above them. Lines of the cell are separated by '\n'.</summary>
/// <param name="Confidence">How sure the reader is of the text, 0–1: 1 where the text is the document's own (.docx, a
/// text PDF), the OCR's confidence for a scan.</param>
internal sealed record FormCell(string Text, double Left, double Right, double Confidence = 1)
{
    public double Overlap(FormCell other) => Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left));
}
