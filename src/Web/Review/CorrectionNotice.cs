using System.Globalization;
using System.IO.Compression;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Web.Review;

/// <summary>The 补正通知: an official letter in Chinese to the applicant and its recommender, one numbered paragraph per
/// upheld finding with its evidence and what to fix (A4, 方正小标宋-style title, 仿宋 body, issuer and date at the end).
/// Written for packages a person returned; it carries the contacts' names, so only admins produce it.</summary>
public static class CorrectionNotice
{
    /// <summary>Marks each finding paragraph (its style id), so a reader can count them.</summary>
    public const string FindingStyle = "NoticeFinding";

    /// <summary>The packages that get a notice: decided <c>returned</c>.</summary>
    public static bool Applies(CaseRecord record) => record.Review?.Decision?.Outcome == PackageOutcome.Returned;

    public static string FileName(CaseRecord record) => $"补正通知-{Safe(record.SubmissionId)}.docx";

    public static byte[] Create(CaseRecord record, string issuer, string resubmitTo, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var form = record.Form;
            var applicant = form?.Applicant ?? "申报单位";
            var recommender = form?.Recommender ?? record.Recommender ?? "推荐单位";

            body.Append(Text("补正通知", "黑体", 44, center: true));
            body.Append(Text($"（{record.SubmissionId}）", "仿宋", 28, center: true));
            body.Append(Text($"{applicant}{Person(form?.ApplicantContact)}、{recommender}{Person(form?.RecommenderContact)}：", "仿宋", 32));
            body.Append(Text($"　　贵单位申报的第{record.Edition ?? 8}届智慧企业建设创新案例《{CaseFacts.Title(record)}》（申报编号 {record.SubmissionId}，"
                + $"第 {record.PackageVersion} 版材料）经合规性审查，存在以下需要补正的问题：", "仿宋", 32));

            var number = 0;
            foreach (var finding in FinalLists.UpheldFindings(record))
            {
                number++;
                var where = Location(finding.Location);
                var paragraph = Text($"　　{Chinese(number)}、{FindingLabels.Name(finding.Code)}：{finding.Message}。{(finding.Evidence is { Length: > 0 } e ? $"依据：{e}" : "")}{where}"
                    + $"修改要求：{FindingLabels.Fix(finding.Code)}", "仿宋", 32);
                paragraph.ParagraphProperties ??= new ParagraphProperties();
                paragraph.ParagraphProperties.PrependChild(new ParagraphStyleId { Val = FindingStyle });
                body.Append(paragraph);
            }

            if (record.Review?.Decision?.Reason is { Length: > 0 } reason)
            {
                body.Append(Text($"　　审查意见：{reason}", "仿宋", 32));
            }

            body.Append(Text("　　" + resubmitTo, "仿宋", 32));
            body.Append(Text("　　特此通知。", "仿宋", 32));
            body.Append(Text(issuer, "仿宋", 32, right: true));
            body.Append(Text(now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture), "仿宋", 32, right: true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
        }

        return buffer.ToArray();
    }

    /// <summary>One zip per recommender: the notices of its returned packages.</summary>
    public static byte[] Archive(IEnumerable<CaseRecord> records, string issuer, string resubmitTo, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var record in records.Where(Applies))
            {
                var entry = zip.CreateEntry(FileName(record), CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Create(record, issuer, resubmitTo, now));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The recommender a notice goes to, as its zip is named.</summary>
    public static string RecommenderOf(CaseRecord record) => record.Form?.Recommender ?? record.Recommender ?? "未知推荐单位";

    public static string ArchiveName(string recommender) => $"补正通知-{Safe(recommender)}.zip";

    private static string Safe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' ? '_' : c));

    private static string Person(Contact? contact) => contact?.Name is { Length: > 0 } name ? $"（{name}）" : "";

    private static string Location(FindingLocation? location) =>
        location is null ? "。" : string.Join("", new[]
        {
            location.File is { } file ? $"（见 {file}" : null,
            location.Section is { } section ? $"，{section}" : null,
            location.Paragraph is { } paragraph ? $"，第 {paragraph + 1} 段" : null,
            location.Page is { } page ? $"，第 {page} 页" : null,
            location.File is null ? null : "）",
        }.Where(s => s is not null)) + "。";

    private static string Chinese(int number) => number switch
    {
        <= 10 => "一二三四五六七八九十"[number - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[number - 11],
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new Style(new StyleName { Val = "Notice Finding" }, new BasedOn { Val = "Normal" })
        {
            Type = StyleValues.Paragraph, StyleId = FindingStyle, CustomStyle = true,
        });
    }

    private static Paragraph Text(string text, string font, int halfPoints, bool center = false, bool right = false)
    {
        var run = new Run(new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (center || right)
        {
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }

        return new Paragraph(properties, run);
    }
}
