namespace CaseIngest.Documents.Docx;

/// <summary>
/// A .docx body as a reader sees it: blocks (paragraphs and tables) in reading order with their visible text. Text
/// boxes and shapes are read where they are anchored, list numbers are rendered, and what Word does not show (hidden
/// text, deleted revisions, field instructions) is left out. Built by <see cref="DocxReader"/>; it holds no open file.
/// </summary>
public sealed class DocxDocument
{
    public required IReadOnlyList<DocxBlock> Blocks { get; init; }

    /// <summary>Each section's paper, in document order (sections that declare no page size are left out).</summary>
    public required IReadOnlyList<DocxSection> Sections { get; init; }

    /// <summary>A TOC field (simple or complex) or a 目录 building block is there, even one whose entries were never
    /// updated.</summary>
    public bool HasTableOfContents { get; init; }

    /// <summary>Pictures, charts, embedded objects and drawn shapes (each once, whichever alternate form it has);
    /// text boxes are text, not pictures.</summary>
    public int PictureCount { get; init; }

    /// <summary>Every block in reading order, depth first: a table, then the blocks of its cells row by row.</summary>
    public IEnumerable<DocxBlock> AllBlocks() => Flatten(Blocks);

    /// <summary>Every paragraph in reading order, those in tables and text boxes included.</summary>
    public IEnumerable<DocxParagraph> AllParagraphs() => AllBlocks().OfType<DocxParagraph>();

    private static IEnumerable<DocxBlock> Flatten(IEnumerable<DocxBlock> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            if (block is DocxTable table)
            {
                foreach (var inner in table.Rows.SelectMany(r => r.Cells).SelectMany(c => Flatten(c.Blocks)))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>A section's paper in millimetres.</summary>
public sealed record DocxSection(double WidthMm, double HeightMm, bool Landscape);
