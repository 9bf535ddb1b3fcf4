using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Documents.Tests.Support;

/// <summary>Real .docx packages written with the OpenXml SDK from WordprocessingML (see <see cref="WordMarkup"/>).</summary>
internal static class DocxFile
{
    /// <summary>A package whose body is <paramref name="bodyXml"/>, with a styles part when <paramref name="stylesXml"/>
    /// (the inner XML of <c>w:styles</c>) is given and a numbering part when <paramref name="numberingXml"/> is.</summary>
    public static byte[] FromBody(string bodyXml, string? stylesXml = null, string? numberingXml = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(WordMarkup.Document(bodyXml));
            if (stylesXml is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles($"<w:styles {WordMarkup.Namespaces}>{stylesXml}</w:styles>");
            }

            if (numberingXml is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering($"<w:numbering {WordMarkup.Namespaces}>{numberingXml}</w:numbering>");
            }
        }

        return stream.ToArray();
    }

    /// <summary>The package with a part of the main document added from its markup as written (text as another tool
    /// lays it out, or a part the SDK's typed classes would rewrite).</summary>
    public static byte[] WithPart<TPart>(byte[] docx, string partXml)
        where TPart : OpenXmlPart, IFixedContentTypePart
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var part = document.MainDocumentPart!.AddNewPart<TPart>();
            using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(partXml));
            part.FeedData(text);
        }

        return stream.ToArray();
    }

    public static DocxDocument Read(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        return DocxReader.Read(stream);
    }

    /// <summary>The texts of every paragraph in reading order.</summary>
    public static List<string> Paragraphs(byte[] docx) => Read(docx).AllParagraphs().Select(p => p.Text).ToList();
}
