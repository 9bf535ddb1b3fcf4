namespace CaseIngest.Documents.Docx;

/// <summary>A paragraph or a table.</summary>
public abstract class DocxBlock
{
    private protected DocxBlock()
    {
    }
}

/// <summary>Where a paragraph sits: a text box inside a table cell is both.</summary>
/// <param name="InTable">Inside a table cell.</param>
/// <param name="InTextBox">Inside a text box, shape or frame.</param>
public readonly record struct DocxPlace(bool InTable, bool InTextBox);
