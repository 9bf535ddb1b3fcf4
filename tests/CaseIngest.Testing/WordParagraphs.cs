using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Testing;

/// <summary>The paragraph texts of a .docx, read with the OpenXml SDK, in document order and as written (untrimmed,
/// empty paragraphs kept).</summary>
public static class WordParagraphs
{
    /// <summary>Every paragraph, those in tables included.</summary>
    public static IReadOnlyList<string> All(byte[] docx) => Read(docx, body => body.Descendants<Paragraph>());

    /// <summary>The body's own paragraphs, without those in tables.</summary>
    public static IReadOnlyList<string> Body(byte[] docx) => Read(docx, body => body.Elements<Paragraph>());

    private static List<string> Read(byte[] docx, Func<Body, IEnumerable<Paragraph>> paragraphs)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return paragraphs(document.MainDocumentPart!.Document!.Body!).Select(p => p.InnerText).ToList();
    }
}
