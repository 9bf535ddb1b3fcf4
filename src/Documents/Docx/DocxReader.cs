using DocumentFormat.OpenXml.Packaging;

namespace CaseIngest.Documents.Docx;

/// <summary>Limits for reading a .docx.</summary>
/// <param name="MaxCharactersInPart">The largest part the SDK will parse (0: no limit): a bloated document.xml is
/// refused instead of filling the memory.</param>
public sealed record DocxReadOptions(long MaxCharactersInPart = 0);

/// <summary>What makes a zip that opens as a package no readable Word document.</summary>
public enum DocxDefect
{
    /// <summary>No main document part (word/document.xml).</summary>
    NoMainDocumentPart,

    /// <summary>word/document.xml has no <c>w:body</c>.</summary>
    NoBody,
}

/// <summary>The package opens but is not a readable Word document; <see cref="Defect"/> says why.</summary>
public sealed class DocxDefectException(DocxDefect defect, string message) : Exception(message)
{
    public DocxDefect Defect { get; } = defect;
}

/// <summary>
/// Reads the visible text of a .docx: the one walker over WordprocessingML that our readers share. Damaged packages
/// surface as the SDK's and .NET's exceptions (<see cref="OpenXmlPackageException"/>, <see cref="InvalidDataException"/>,
/// <see cref="System.Xml.XmlException"/>, <see cref="IOException"/>…), for the caller to word for its users.
/// </summary>
public static class DocxReader
{
    public static DocxDocument Read(Stream stream, DocxReadOptions? options = null) => Read(stream, options, templateParts: null);

    /// <param name="templateParts">The template parts kept by a <see cref="DocxDocumentCache"/>; null reads every part
    /// from this document.</param>
    internal static DocxDocument Read(Stream stream, DocxReadOptions? options, TemplatePartCache? templateParts)
    {
        var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = (options ?? new DocxReadOptions()).MaxCharactersInPart };
        using var document = WordprocessingDocument.Open(stream, false, settings);
        var main = document.MainDocumentPart
            ?? throw new DocxDefectException(DocxDefect.NoMainDocumentPart, "the package has no main document part (word/document.xml)");
        var body = main.Document?.Body
            ?? throw new DocxDefectException(DocxDefect.NoBody, "word/document.xml has no body (w:body)");
        return new DocxWalker(new DocxStyles(main, templateParts), new NumberingRenderer(main)).Read(body);
    }
}
