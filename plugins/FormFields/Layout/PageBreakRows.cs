namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// Puts a form's pages together, whatever read them (a text PDF's letters, a scan's OCR): a page's rows follow the
/// last page's, and a table row broken over the page break, whose second half heads the next page with fewer filled
/// cells and no label of its own, is one row again (推荐单位意见's text running on over the page).
/// </summary>
internal static class PageBreakRows
{
    /// <summary>Appends <paramref name="rows"/>, the next page's, to <paramref name="layout"/>.</summary>
    public static void Append(FormLayout layout, List<FormRow> rows)
    {
        if (layout.Rows.Count > 0 && layout.Rows[^1].TableId >= 0 && rows.Count > 0 && IsRowContinuation(rows[0], layout.Rows[^1]))
        {
            layout.Rows[^1] = Merge(layout.Rows[^1], rows[0]);
            rows = rows[1..];
        }

        layout.Rows.AddRange(rows);
    }

    private static bool IsRowContinuation(FormRow row, FormRow previous) =>
        row.TableId >= 0
        && row.Cells.All(c => Parsing.FormLabels.Match(c.Text) is null)
        && row.Cells.Count(c => !string.IsNullOrWhiteSpace(c.Text)) < previous.Cells.Count(c => !string.IsNullOrWhiteSpace(c.Text));

    private static FormRow Merge(FormRow previous, FormRow continuation)
    {
        var cells = previous.Cells.ToList();
        foreach (var cell in continuation.Cells)
        {
            var target = cells.Select((c, i) => (Overlap: c.Overlap(cell), Index: i)).MaxBy(x => x.Overlap);
            if (target.Overlap > 0)
            {
                cells[target.Index] = cells[target.Index] with
                {
                    Text = cells[target.Index].Text + cell.Text,
                    Confidence = Math.Min(cells[target.Index].Confidence, cell.Confidence),
                };
            }
            else
            {
                cells.Add(cell);
            }
        }

        return previous with { Cells = cells };
    }
}
