using System.Text;
using CaseIngest.Plugins.FormFields.Parsing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// Reads a .docx body into rows: each table row with its cells placed on the table grid (gridBefore, gridSpan; a
/// vMerge continuation is an empty cell), each paragraph outside tables as a one-cell row. Content controls, custom
/// XML and nested tables are looked through: a nested table that holds labels of the form is emitted as rows of its
/// own after the row that contains it; one without labels is a value and its text stays in its cell.
/// </summary>
internal sealed class DocxLayoutReader
{
    public FormLayout Read(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { AutoSave = false });
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("the package has no main document body (word/document.xml)");
        var run = new ReadRun();
        run.AddBlocks(body);
        return run.Layout;
    }

    private sealed class ReadRun
    {
        private readonly DocxText _text = new();
        private int _nextTableId;

        public FormLayout Layout { get; } = new();

        public void AddBlocks(OpenXmlElement container)
        {
            foreach (var block in container.ChildElements)
            {
                switch (block)
                {
                    case Paragraph paragraph:
                        Layout.Rows.Add(new FormRow([new FormCell(TextOf(paragraph), 0, double.MaxValue)], -1));
                        break;
                    case Table table:
                        AddTable(table);
                        break;
                    case SdtBlock sdt when sdt.SdtProperties?.ChildElements.Any(e => e.LocalName == "checkbox") == true:
                        Layout.Rows.Add(new FormRow([new FormCell(TextOf(sdt), 0, double.MaxValue)], -1));
                        break;
                    case SdtBlock or CustomXmlBlock or SdtContentBlock:
                        AddBlocks(block is SdtBlock s ? (OpenXmlElement?)s.SdtContentBlock ?? s : block);
                        break;
                }
            }
        }

        private void AddTable(Table table)
        {
            var id = _nextTableId++;
            foreach (var row in RowsOf(table))
            {
                var nested = new List<Table>();
                var cells = new List<FormCell>();
                var column = (double)(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
                foreach (var cell in CellsOf(row))
                {
                    var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                    cells.Add(new FormCell(CellText(cell, nested), column, column + Math.Max(span, 1)));
                    column += Math.Max(span, 1);
                }

                Layout.Rows.Add(new FormRow(cells, id));
                foreach (var inner in nested)
                {
                    AddTable(inner);
                }
            }
        }

        // Rows and cells may be wrapped in content controls or custom XML (repeating sections, data-bound forms).
        private static IEnumerable<TableRow> RowsOf(OpenXmlElement container) =>
            container.ChildElements.SelectMany(e => e switch
            {
                TableRow row => [row],
                SdtRow or CustomXmlRow or SdtContentRow => RowsOf(e is SdtRow s ? (OpenXmlElement?)s.SdtContentRow ?? s : e),
                _ => Enumerable.Empty<TableRow>(),
            });

        private static IEnumerable<TableCell> CellsOf(OpenXmlElement container) =>
            container.ChildElements.SelectMany(e => e switch
            {
                TableCell cell => [cell],
                SdtCell or CustomXmlCell or SdtContentCell => CellsOf(e is SdtCell s ? (OpenXmlElement?)s.SdtContentCell ?? s : e),
                _ => Enumerable.Empty<TableCell>(),
            });

        private string CellText(OpenXmlElement cell, List<Table> nestedForm)
        {
            var builder = new StringBuilder();
            foreach (var child in cell.ChildElements)
            {
                AppendCellBlock(child, builder, nestedForm);
            }

            return builder.ToString().Trim('\n');
        }

        private void AppendCellBlock(OpenXmlElement child, StringBuilder builder, List<Table> nestedForm)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    builder.Append(TextOf(paragraph)).Append('\n');
                    break;
                case Table table:
                    var lines = RowsOf(table).Select(r => string.Join(" ", CellsOf(r).Select(c => CellText(c, [])))).ToList();
                    if (lines.Any(FormLabels.HasFormLabel))
                    {
                        nestedForm.Add(table);
                    }
                    else
                    {
                        builder.AppendJoin('\n', lines).Append('\n');
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var inner in content.ChildElements)
                    {
                        AppendCellBlock(inner, builder, nestedForm);
                    }

                    break;
                case CustomXmlBlock custom:
                    foreach (var inner in custom.ChildElements)
                    {
                        AppendCellBlock(inner, builder, nestedForm);
                    }

                    break;
                case TableCellProperties:
                    break;
                default:
                    _text.Append(child, builder);
                    break;
            }
        }

        private string TextOf(OpenXmlElement element)
        {
            var builder = new StringBuilder();
            _text.Append(element, builder);
            return builder.ToString();
        }
    }
}
