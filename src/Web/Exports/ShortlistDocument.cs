using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Web.Exports;

/// <summary>The editors' shortlist as a .docx for the casebook meeting: per case its title, facts, rating, note and the
/// opening of its 企业概况.</summary>
internal static class ShortlistDocument
{
    private const int OverviewExcerptChars = 300;

    public static byte[] Create(IReadOnlyList<CaseRecord> shortlist, DateTimeOffset now)
    {
        // OpenXml writes a package into a seekable stream, which the response body is not.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph("智慧企业建设创新案例 · 入选候选清单", bold: true, halfPoints: 32, center: true));
            body.Append(Paragraph($"共 {shortlist.Count} 个案例，导出于 {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}",
                halfPoints: 21, center: true));

            var number = 0;
            foreach (var record in shortlist)
            {
                number++;
                var shortlisted = record.Review!.Shortlist!;
                body.Append(Paragraph($"{number}. {CaseFacts.Title(record)}", bold: true, halfPoints: 28));
                body.Append(Paragraph($"编号：{record.SubmissionId}　申报单位：{record.Form?.Applicant}　推荐单位：{record.Form?.Recommender ?? record.Recommender}"));
                body.Append(Paragraph($"案例类型：{CaseFacts.EffectiveType(record) ?? "未定"}　审查结论：{ExportLabels.Verdict(record.Verdict)}　评分：{new string('★', shortlisted.Rating)}{new string('☆', 5 - shortlisted.Rating)}（{shortlisted.Rating}/5）"));
                if (shortlisted.Note is not null)
                {
                    body.Append(Paragraph($"编辑备注：{shortlisted.Note}（{shortlisted.By}）"));
                }

                if (record.Form?.ApplicantContact is { } contact)
                {
                    body.Append(Paragraph($"联系人：{contact.Name}　{contact.Phone}　{contact.Email}"));
                }

                var overview = Overview(record);
                if (overview.Length > 0)
                {
                    body.Append(Paragraph("企业概况：" + overview, halfPoints: 21));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800, Header = 851, Footer = 992, Gutter = 0 }));
        }

        return buffer.ToArray();
    }

    private static string Overview(CaseRecord record)
    {
        var text = record.Report?.Text;
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var start = lines.FindIndex(l => l.StartsWith("一、", StringComparison.Ordinal));
        var paragraphs = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("二、", StringComparison.Ordinal)).Where(l => l.Length > 0);
        var overview = string.Concat(paragraphs);
        return overview.Length > OverviewExcerptChars ? overview[..OverviewExcerptChars] + "……" : overview;
    }

    /// <summary>A 宋体 paragraph: the casebook documents' one way of writing text.</summary>
    internal static Paragraph Paragraph(string text, bool bold = false, int halfPoints = 24, bool center = false)
    {
        // Schema order: rFonts, b, sz.
        var runProperties = new RunProperties(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });

        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }
}
