using System.Xml;
using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Files;
using CaseIngest.Plugins.StructureChecks.Counting;

namespace CaseIngest.Plugins.StructureChecks.Reading.Docx;

/// <summary>Reads a report .docx (through the shared <see cref="DocxReader"/>) into paragraphs with their text
/// (numbering rendered), the font each is mostly set in, 目录 and paper.</summary>
internal static class DocxReportReader
{
    /// <param name="documents">The documents read lately (the host read this one for its role); null: read it here.</param>
    public static ReportDocument Read(byte[] bytes, string fileName, int maxHeadingChars, long maxDocumentBytes, DocxDocumentCache? documents = null)
    {
        var kind = FileKinds.Of(bytes);
        if (kind == FileKind.Ole)
        {
            throw new ReportUnreadableException(
                $"案例报告“{fileName}”是 OLE 复合文件（旧版 Word .doc 或设置了打开密码的文档），无法读取：请另存为未加密的 .docx 后重新提交。");
        }

        if (kind != FileKind.Zip)
        {
            throw new ReportUnreadableException($"案例报告“{fileName}”不是有效的 .docx 文件（不是 zip 包），请用 Word 另存为 .docx 后重新提交。");
        }

        DocxDocument document;
        try
        {
            var options = new DocxReadOptions(maxDocumentBytes);
            document = documents?.Read(bytes, options) ?? DocxReader.Read(new MemoryStream(bytes, writable: false), options);
        }
        catch (DocxDefectException e)
        {
            throw new ReportUnreadableException(e.Defect == DocxDefect.NoMainDocumentPart
                ? $"案例报告“{fileName}”缺少正文部件 word/document.xml，文件不完整。"
                : $"案例报告“{fileName}”的 word/document.xml 没有正文（w:body）。", e);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException
                                      or IOException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new ReportUnreadableException($"案例报告“{fileName}”已损坏，无法作为 .docx 读取：{e.Message}", e);
        }

        return new ReportDocument
        {
            FileName = fileName,
            Paragraphs = ReportStructurer.Structure(document.AllParagraphs().Select(Source).ToList(), maxHeadingChars),
            HasFormatting = true,
            Pages = document.Sections.Select((s, i) => new PageSetup(i + 1, s.WidthMm, s.HeightMm, s.Landscape)).ToList(),
            HasTocField = document.HasTableOfContents,
            TableCount = document.AllBlocks().OfType<DocxTable>().Count(),
            PictureCount = document.PictureCount,
        };
    }

    private static SourceParagraph Source(DocxParagraph paragraph)
    {
        return new SourceParagraph(paragraph.ListLabel + paragraph.Text, paragraph.Place.InTable)
        {
            OutlineLevel = paragraph.OutlineLevel,
            InToc = paragraph.InTableOfContents || paragraph.HasTocStyle,
            Format = DominantFormat(paragraph),
        };
    }

    /// <summary>The format most of the paragraph's 字数 is set in; null for a paragraph without countable text.</summary>
    private static TextFormat? DominantFormat(DocxParagraph paragraph)
    {
        var weights = new Dictionary<RunFormat, int>();
        foreach (var run in paragraph.Runs)
        {
            var weight = WordCounter.Count(run.Text);
            if (weight > 0)
            {
                weights[run.Format] = weights.GetValueOrDefault(run.Format) + weight;
            }
        }

        if (weights.Count == 0)
        {
            return null;
        }

        var dominant = weights.MaxBy(w => w.Value).Key;
        var size = dominant.SizePt ?? 10;
        return new TextFormat(dominant.EastAsiaFont, dominant.LatinFont, size, dominant.Bold ?? false,
            paragraph.LineSpacing(size), paragraph.Alignment);
    }
}
