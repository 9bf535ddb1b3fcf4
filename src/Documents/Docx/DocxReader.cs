using System.Xml;

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
/// Reads the visible text of a .docx: the one walker over WordprocessingML that our readers share. The parts are read
/// as plain XML straight from the zip (<see cref="DocxPackage"/>): the OpenXml SDK's typed tree cost several times
/// more, and a package is read for every submission. Damaged packages surface as .NET's exceptions
/// (<see cref="InvalidDataException"/> for a damaged zip, <see cref="XmlException"/> for a damaged or oversized part,
/// <see cref="IOException"/>…) or a <see cref="DocxDefectException"/>, for the caller to word for its users.
/// </summary>
public static class DocxReader
{
    public static DocxDocument Read(Stream stream, DocxReadOptions? options = null) => Read(stream, options, templateParts: null);

    /// <param name="templateParts">The template parts kept by a <see cref="DocxDocumentCache"/>; null reads every part
    /// from this document.</param>
    internal static DocxDocument Read(Stream stream, DocxReadOptions? options, TemplatePartCache? templateParts)
    {
        using var package = new DocxPackage(stream, options ?? new DocxReadOptions());
        var styles = new DocxStyles(package.RelatedStored("styles"), package.RelatedBytes("theme"), templateParts);
        var numbering = new NumberingRenderer(NumberingOf(package, templateParts));
        using var main = package.OpenMainDocument();
        return new DocxWalker(styles, numbering).Read(main);
    }

    /// <exception cref="XmlException">A damaged numbering part: the document's list numbers cannot be told.</exception>
    private static NumberingDefinitions NumberingOf(DocxPackage package, TemplatePartCache? templateParts) =>
        package.RelatedStored("numbering") is not { } part ? NumberingDefinitions.None
        : templateParts?.NumberingOf(part, package.PartSettings) ?? NumberingDefinitions.Read(part.Read(), package.PartSettings);
}
