namespace CaseIngest.Documents.Docx;

/// <summary>
/// One paragraph with its visible text: runs, ☑/☐ for checkboxes, <c>\t</c> for tabs, <c>\n</c> for line breaks
/// (<c>w:br</c>, <c>w:cr</c>); a page or column break starts a new page, not a line of text, so it adds no character
/// and sets <see cref="HasPageBreak"/>. Fields show their result, never their instruction.
/// </summary>
public sealed class DocxParagraph : DocxBlock
{
    private readonly DocxStyles _styles;
    private readonly WrittenLineSpacing? _lineSpacing;
    private string? _text;

    internal DocxParagraph(DocxStyles styles, WrittenLineSpacing? lineSpacing, string? styleId)
    {
        _styles = styles;
        _lineSpacing = lineSpacing;
        StyleId = styleId;
    }

    /// <summary>The visible text, without the list number (<see cref="ListLabel"/>).</summary>
    public string Text => _text ??= string.Concat(Runs.Select(r => r.Text));

    /// <summary>The visible text in pieces of one formatting each (a <c>w:r</c> each; hidden runs are left out).</summary>
    public required IReadOnlyList<DocxRun> Runs { get; init; }

    /// <summary>The automatic list number as Word shows it (<c>一、</c>, <c>（一）</c>, <c>1.</c>); "" for none or a bullet.</summary>
    public string ListLabel { get; init; } = "";

    /// <summary>The paragraph style (direct, else the document's default paragraph style); null when neither exists.</summary>
    public string? StyleId { get; }

    public DocxPlace Place { get; init; }

    /// <summary>0-based outline level: direct, else from the style chain (<c>outlineLvl</c> or a built-in "heading n"
    /// name); null for body text.</summary>
    public int? OutlineLevel { get; init; }

    /// <summary>The alignment as Word writes it (<c>center</c>, <c>both</c>, <c>left</c>…); null when nothing sets it.</summary>
    public string? Alignment { get; init; }

    /// <summary>In a "toc 1" / "目录 1" style: one of Word's own 目录 entries.</summary>
    public bool HasTocStyle { get; init; }

    /// <summary>Inside (or opening) a TOC field, or inside a 目录 building block.</summary>
    public bool InTableOfContents { get; init; }

    /// <summary>A page or column break sits in the paragraph.</summary>
    public bool HasPageBreak { get; init; }

    /// <summary>Line spacing as a multiple of single spacing; exact and at-least spacing are converted against
    /// <paramref name="sizePt"/> (single spacing of a CJK font is about 1.3 × its size).</summary>
    public double? LineSpacing(double sizePt) => _styles.LineSpacingOf(_lineSpacing, StyleId, sizePt);
}

/// <summary>A piece of visible text and the formatting it is shown in.</summary>
public readonly record struct DocxRun(string Text, RunFormat Format);
