using System.IO.Packaging;
using System.Text;
using System.Xml;
using CaseIngest.Documents.Files;
using CaseIngest.Plugins.StructureChecks.Counting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.StructureChecks.Reading.Docx;

/// <summary>Reads a report .docx into paragraphs with their text (numbering rendered), fonts, 目录 and paper.</summary>
internal static class DocxReportReader
{
    private const double TwipsPerMm = 1440 / 25.4;

    public static ReportDocument Read(byte[] bytes, string fileName, int maxHeadingChars, long maxDocumentBytes)
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

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = maxDocumentBytes });
            var main = document.MainDocumentPart
                ?? throw new ReportUnreadableException($"案例报告“{fileName}”缺少正文部件 word/document.xml，文件不完整。");
            var body = main.Document?.Body
                ?? throw new ReportUnreadableException($"案例报告“{fileName}”的 word/document.xml 没有正文（w:body）。");

            var walker = new BodyWalker(new DocxStyles(main), new NumberingRenderer(main));
            walker.WalkBlocks(body, inTable: false, inTocBlock: false);
            return new ReportDocument
            {
                FileName = fileName,
                Paragraphs = ReportStructurer.Structure(walker.Paragraphs, maxHeadingChars),
                HasFormatting = true,
                Pages = walker.Pages,
                HasTocField = walker.TocField,
                TableCount = walker.Tables,
                PictureCount = walker.Pictures,
            };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException
                                      or IOException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new ReportUnreadableException($"案例报告“{fileName}”已损坏，无法作为 .docx 读取：{e.Message}", e);
        }
    }

    private sealed class FieldFrame
    {
        public StringBuilder Instruction { get; } = new();
        public bool Separated { get; set; }
        public bool IsToc { get; set; }
    }

    private sealed class BodyWalker(DocxStyles styles, NumberingRenderer numbering)
    {
        private const int MaxFieldDepth = 64;

        private readonly Stack<FieldFrame> _fields = new();

        public List<SourceParagraph> Paragraphs { get; } = [];
        public List<PageSetup> Pages { get; } = [];
        public int Tables { get; private set; }
        public int Pictures { get; private set; }
        public bool TocField { get; private set; }

        private bool FieldsInToc => _fields.Any(f => f.IsToc);

        public void WalkBlocks(OpenXmlElement container, bool inTable, bool inTocBlock)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        AddParagraph(paragraph, inTable, inTocBlock);
                        break;
                    case Table table:
                        Tables++;
                        WalkTable(table, inTocBlock);
                        break;
                    case SdtBlock sdt:
                        var toc = IsTocBuildingBlock(sdt);
                        TocField |= toc;
                        if (sdt.SdtContentBlock is { } content)
                        {
                            WalkBlocks(content, inTable, inTocBlock || toc);
                        }

                        break;
                    case CustomXmlBlock or SdtContentBlock:
                        WalkBlocks(child, inTable, inTocBlock);
                        break;
                    case SectionProperties section:
                        AddPage(section);
                        break;
                }
            }
        }

        private void WalkTable(OpenXmlElement element, bool inTocBlock)
        {
            foreach (var child in element.ChildElements)
            {
                if (child is TableCell cell)
                {
                    WalkBlocks(cell, inTable: true, inTocBlock);
                }
                else if (child is TableRow or SdtRow or SdtContentRow or CustomXmlRow or SdtCell or SdtContentCell or CustomXmlCell)
                {
                    WalkTable(child, inTocBlock);
                }
            }
        }

        private static bool IsTocBuildingBlock(SdtBlock sdt)
        {
            var gallery = sdt.SdtProperties?.GetFirstChild<SdtContentDocPartObject>()?.DocPartGallery?.Val?.Value
                          ?? sdt.SdtProperties?.GetFirstChild<SdtContentDocPartList>()?.DocPartGallery?.Val?.Value;
            return gallery is not null && gallery.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase);
        }

        private void AddPage(SectionProperties section)
        {
            if (section.GetFirstChild<PageSize>() is not { } size || size.Width?.Value is not uint width || size.Height?.Value is not uint height)
            {
                return;
            }

            var landscape = size.Orient?.InnerText == "landscape" || width > height;
            Pages.Add(new PageSetup(Pages.Count + 1, Math.Round(width / TwipsPerMm, 1), Math.Round(height / TwipsPerMm, 1), landscape));
        }

        private void AddParagraph(Paragraph paragraph, bool inTable, bool inTocBlock)
        {
            var properties = paragraph.ParagraphProperties;
            var styleId = styles.ParagraphStyleOf(properties);
            var state = new ParagraphState(styleId) { InToc = inTocBlock || FieldsInToc || styles.IsTocStyle(styleId) };
            WalkInline(paragraph, state);

            var number = styles.NumberingOf(properties, styleId) is { } numPr ? numbering.Next(numPr.NumId, numPr.Level) : "";
            var text = number + state.Text;
            TextFormat? format = null;
            if (state.Weights.Count > 0)
            {
                var dominant = state.Weights.MaxBy(w => w.Value).Key;
                var size = dominant.SizePt ?? 10;
                format = new TextFormat(dominant.EastAsiaFont, dominant.LatinFont, size, dominant.Bold ?? false,
                    styles.LineSpacingOf(properties, styleId, size), styles.AlignmentOf(properties, styleId));
            }

            Paragraphs.Add(new SourceParagraph(text, inTable)
            {
                OutlineLevel = styles.OutlineLevelOf(properties, styleId),
                InToc = state.InToc,
                Format = format,
            });

            if (properties?.SectionProperties is { } section)
            {
                AddPage(section);
            }
        }

        private void WalkInline(OpenXmlElement element, ParagraphState state)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        AddRun(run, state);
                        break;
                    case SimpleField field:
                        if (field.Instruction?.Value?.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase) == true)
                        {
                            TocField = true;
                            state.InToc = true;
                        }

                        WalkInline(field, state);
                        break;
                    case Hyperlink or SdtRun or SdtContentRun or InsertedRun or CustomXmlRun or MoveToRun:
                        WalkInline(child, state);
                        break;
                    case DocumentFormat.OpenXml.AlternateContent alternate:
                        CountPictures(alternate);
                        break;
                }
            }
        }

        private void AddRun(Run run, ParagraphState state)
        {
            var format = styles.ResolveRun(state.StyleId, run.RunProperties);
            var text = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case FieldChar fieldChar:
                        OnFieldChar(fieldChar.FieldCharType?.InnerText);
                        break;
                    case FieldCode code when _fields.Count > 0:
                        var frame = _fields.Peek();
                        frame.Instruction.Append(code.Text);
                        if (!frame.IsToc && frame.Instruction.ToString().TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase))
                        {
                            frame.IsToc = true;
                            TocField = true;
                            state.InToc = true;
                        }

                        break;
                    case Text t when _fields.Count == 0 || _fields.Peek().Separated:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append('\t');
                        break;
                    case Break br when br.Type?.InnerText is null or "textWrapping":
                    case CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Drawing or Picture or EmbeddedObject:
                        Pictures++;
                        break;
                    case DocumentFormat.OpenXml.AlternateContent alternate:
                        CountPictures(alternate);
                        break;
                }
            }

            if (format.Hidden == true || text.Length == 0)
            {
                return;
            }

            state.Text.Append(text);
            var weight = WordCounter.Count(text.ToString());
            if (weight > 0)
            {
                state.Weights[format] = state.Weights.GetValueOrDefault(format) + weight;
            }
        }

        private void OnFieldChar(string? type)
        {
            switch (type)
            {
                case "begin" when _fields.Count < MaxFieldDepth:
                    _fields.Push(new FieldFrame());
                    break;
                case "separate" when _fields.Count > 0:
                    _fields.Peek().Separated = true;
                    break;
                case "end" when _fields.Count > 0:
                    _fields.Pop();
                    break;
            }
        }

        private void CountPictures(OpenXmlElement alternate)
        {
            // Choice and Fallback hold the same picture twice: count it once.
            var choice = alternate.FirstChild;
            if (choice is not null && choice.Descendants().Any(d => d is Drawing or Picture))
            {
                Pictures++;
            }
        }
    }

    private sealed class ParagraphState(string? styleId)
    {
        public string? StyleId { get; } = styleId;
        public StringBuilder Text { get; } = new();
        public Dictionary<RunFormat, int> Weights { get; } = [];
        public bool InToc { get; set; }
    }
}
