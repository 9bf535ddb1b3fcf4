using CaseIngest.Documents.Docx;
using CaseIngest.Plugins.FormFields.Parsing;

namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// Lays a .docx (read by the shared <see cref="DocxReader"/>: visible text, checkboxes as ☑/☐) out as rows: each table
/// row with its cells placed on the table grid (gridBefore, gridSpan; a vMerge continuation is an empty cell), each
/// paragraph outside tables as a one-cell row. A nested table that holds labels of the form is emitted as rows of its
/// own after the row that contains it; one without labels is a value and its text stays in its cell.
/// </summary>
internal sealed class DocxLayoutReader(DocxDocumentCache documents)
{
    /// <summary>A reader with a cache of its own (tests): the plugin's shares the host's, which read the file for its role.</summary>
    public DocxLayoutReader()
        : this(new DocxDocumentCache())
    {
    }

    public FormLayout Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray());
    }

    public FormLayout Read(byte[] bytes)
    {
        var document = documents.Read(bytes);
        var run = new LayoutRun();
        run.AddBlocks(document.Blocks);
        return run.Layout;
    }

    private sealed class LayoutRun
    {
        private int _nextTableId;

        public FormLayout Layout { get; } = new();

        public void AddBlocks(IEnumerable<DocxBlock> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case DocxParagraph paragraph:
                        Layout.Rows.Add(new FormRow([new FormCell(paragraph.Text, 0, double.MaxValue)], -1));
                        break;
                    case DocxTable table:
                        AddTable(table);
                        break;
                }
            }
        }

        private void AddTable(DocxTable table)
        {
            var id = _nextTableId++;
            foreach (var row in table.Rows)
            {
                var nested = new List<DocxTable>();
                var cells = new List<FormCell>();
                var column = (double)row.GridBefore;
                foreach (var cell in row.Cells)
                {
                    cells.Add(new FormCell(CellText(cell.Blocks, nested), column, column + cell.GridSpan));
                    column += cell.GridSpan;
                }

                Layout.Rows.Add(new FormRow(cells, id));
                foreach (var inner in nested)
                {
                    AddTable(inner);
                }
            }
        }

        /// <summary>A cell's lines; the nested tables that hold labels of the form go to <paramref name="nestedForm"/>.</summary>
        private static string CellText(IEnumerable<DocxBlock> blocks, List<DocxTable> nestedForm)
        {
            var lines = new List<string>();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case DocxParagraph paragraph:
                        lines.Add(paragraph.Text);
                        break;
                    case DocxTable table:
                        var rows = table.Rows.Select(r => string.Join(" ", r.Cells.Select(c => CellText(c.Blocks, [])))).ToList();
                        if (rows.Any(FormLabels.HasFormLabel))
                        {
                            nestedForm.Add(table);
                        }
                        else
                        {
                            lines.AddRange(rows);
                        }

                        break;
                }
            }

            return string.Join('\n', lines).Trim('\n');
        }
    }
}
