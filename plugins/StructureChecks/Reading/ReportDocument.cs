namespace CaseIngest.Plugins.StructureChecks.Reading;

/// <summary>What a paragraph is in the report's structure.</summary>
internal enum ParagraphKind
{
    Empty,
    /// <summary>Before the body that is neither title, company line nor 目录 (附件2, a cover note).</summary>
    Preamble,
    Title,
    CompanyLine,
    TocHeading,
    TocEntry,
    Heading,
    Body,
    /// <summary>表1 …/图1 … outside a table: counts like body text, is not held to the body's font.</summary>
    Caption,
    TableCell,
}

/// <summary>The font a paragraph is mostly set in, resolved through styles and direct formatting; its alignment as
/// Word writes it (<c>center</c>, <c>both</c>, <c>left</c>…; null when nothing sets it, which is left).</summary>
internal sealed record TextFormat(string? EastAsiaFont, string? LatinFont, double SizePt, bool Bold, double? LineSpacing, string? Alignment = null)
{
    public bool Centered => Alignment is "center";
}

/// <summary>A section's paper (mm).</summary>
internal sealed record PageSetup(int Section, double WidthMm, double HeightMm, bool Landscape);

/// <summary>A paragraph as read from the file, before the report's structure is decided.</summary>
internal sealed record SourceParagraph(string Text, bool InTable)
{
    /// <summary>0-based outline level from a heading style or direct outline level (0 = 标题 1).</summary>
    public int? OutlineLevel { get; init; }

    /// <summary>Inside a TOC field, a 目录 building block or in a TOC style.</summary>
    public bool InToc { get; init; }

    public TextFormat? Format { get; init; }
}

/// <summary>One paragraph of the report with its role.</summary>
internal sealed class ReportParagraph(int index, string text, bool inTable, TextFormat? format)
{
    /// <summary>0-based index among the file's paragraphs (table cells included).</summary>
    public int Index { get; } = index;

    /// <summary>The text with its numbering, automatic numbering rendered.</summary>
    public string Text { get; } = text;

    public bool InTable { get; } = inTable;

    public TextFormat? Format { get; } = format;

    public ParagraphKind Kind { get; set; } = ParagraphKind.Empty;

    /// <summary>1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 0 when not a heading.</summary>
    public int Level { get; set; }

    /// <summary>The level-1 section the paragraph belongs to (its heading's text), null before the body.</summary>
    public string? Section { get; set; }

    /// <summary>From the first level-1 heading on.</summary>
    public bool InBody { get; set; }

    public bool Counts => InBody && Kind is ParagraphKind.Heading or ParagraphKind.Body or ParagraphKind.Caption;
}

/// <summary>The case report as the checks see it.</summary>
internal sealed class ReportDocument
{
    public required string FileName { get; init; }

    public required IReadOnlyList<ReportParagraph> Paragraphs { get; init; }

    /// <summary>Fonts, sizes and paper are known (a .docx), so the format rules can run.</summary>
    public bool HasFormatting { get; init; }

    public IReadOnlyList<PageSetup> Pages { get; init; } = [];

    /// <summary>A TOC field or 目录 building block was found (even one whose entries were never updated).</summary>
    public bool HasTocField { get; init; }

    public int TableCount { get; init; }

    public int PictureCount { get; init; }

    public ReportParagraph? Title => Paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Title);

    public ReportParagraph? CompanyLine => Paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.CompanyLine);

    public IEnumerable<ReportParagraph> BodyHeadings => Paragraphs.Where(p => p.InBody && p.Kind == ParagraphKind.Heading);
}
