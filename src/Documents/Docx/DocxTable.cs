namespace CaseIngest.Documents.Docx;

/// <summary>A table, rows and cells in reading order; rows and cells wrapped in content controls or custom XML are
/// looked through, and rows deleted as a tracked change are left out.</summary>
public sealed class DocxTable : DocxBlock
{
    public required IReadOnlyList<DocxTableRow> Rows { get; init; }
}

/// <summary>A table row.</summary>
/// <param name="GridBefore">Grid columns skipped before the first cell (<c>w:gridBefore</c>).</param>
public sealed record DocxTableRow(int GridBefore, IReadOnlyList<DocxTableCell> Cells);

/// <summary>A cell: how many grid columns it spans, whether it continues the merged cell above it (<c>w:vMerge</c>
/// without <c>restart</c>: its own content is empty), and its blocks.</summary>
public sealed record DocxTableCell(int GridSpan, bool ContinuesMergeAbove, IReadOnlyList<DocxBlock> Blocks);
