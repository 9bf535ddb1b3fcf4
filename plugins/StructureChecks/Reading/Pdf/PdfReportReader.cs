using System.Text;
using System.Text.RegularExpressions;
using CaseIngest.Plugins.StructureChecks.Counting;
using UglyToad.PdfPig;

namespace CaseIngest.Plugins.StructureChecks.Reading.Pdf;

/// <summary>
/// Reads a report sent as a text PDF: lines in reading order, joined back into paragraphs. A PDF carries no styles a
/// reader can trust, so headings come from their numbering alone and the format rules cannot run.
/// </summary>
internal static partial class PdfReportReader
{
    /// <summary>Below this 字数 a PDF is a scan without a text layer, not a report one can count.</summary>
    private const int MinTextLayerChars = 200;

    /// <param name="only">The report's pages when the PDF holds other documents too (the form, a signature page): the
    /// report's text stops where they start. Null: every page.</param>
    public static ReportDocument Read(byte[] bytes, string fileName, int maxHeadingChars, int maxPages, CancellationToken cancellationToken,
        IReadOnlySet<int>? only = null)
    {
        var lines = new List<PdfLine>();
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var pages = Math.Min(pdf.NumberOfPages, maxPages);
            for (var number = 1; number <= pages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (only is not null && !only.Contains(number))
                {
                    continue;
                }

                foreach (var line in PdfLines.Of(pdf.GetPage(number)))
                {
                    if (!PageNumber().IsMatch(line.Text))
                    {
                        lines.Add(line);
                    }
                }
            }
        }
        catch (Exception e) when (e is not ReportUnreadableException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new ReportUnreadableException($"案例报告“{fileName}”无法作为 PDF 读取（文件损坏或已加密）：{e.Message}", e);
        }

        if (lines.Sum(l => WordCounter.Count(l.Text)) < MinTextLayerChars)
        {
            throw new ReportUnreadableException(
                $"案例报告“{fileName}”是没有文字层的 PDF（扫描件），无法统计字数和检查结构：请提交 .docx 或可复制文字的 PDF。");
        }

        return new ReportDocument
        {
            FileName = fileName,
            Paragraphs = ReportStructurer.Structure(JoinLines(lines, maxHeadingChars), maxHeadingChars),
            HasFormatting = false,
        };
    }

    /// <summary>A line closes its paragraph when it ends a sentence, falls short of the full line width, or is a
    /// heading or 目录 line of its own.</summary>
    private static List<SourceParagraph> JoinLines(List<PdfLine> lines, int maxHeadingChars)
    {
        var fullWidth = lines.Count == 0 ? 0 : lines.Select(l => l.Text.Length).Order().ElementAt(lines.Count * 9 / 10);
        var paragraphs = new List<SourceParagraph>();
        var current = new StringBuilder();
        foreach (var (line, inTable) in lines)
        {
            if (inTable)
            {
                Flush(current, paragraphs);
                paragraphs.Add(new SourceParagraph(line, InTable: true));
                continue;
            }

            var standsAlone = ReportStructurer.IsTocHeading(line) || ReportStructurer.LooksLikeTocEntry(line) ||
                              (HeadingNumbering.LevelOf(line) > 0 && WordCounter.Count(line) <= maxHeadingChars &&
                               !HeadingNumbering.ReadsLikeSentence(line) && line.Length < fullWidth * 0.9);
            if (standsAlone)
            {
                Flush(current, paragraphs);
                paragraphs.Add(new SourceParagraph(line, InTable: false));
                continue;
            }

            current.Append(line);
            if ("。！？；!?".Contains(line[^1]) || line.Length < fullWidth * 0.8)
            {
                Flush(current, paragraphs);
            }
        }

        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Flush(StringBuilder current, List<SourceParagraph> paragraphs)
    {
        if (current.Length > 0)
        {
            paragraphs.Add(new SourceParagraph(current.ToString(), InTable: false));
            current.Clear();
        }
    }

    [GeneratedRegex(@"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页")]
    private static partial Regex PageNumber();
}
