using System.Globalization;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Web.Exports;

/// <summary>A case's evaluation summary as a .docx for the experts' discussion: the total and the dimension means; per
/// 二级指标 the mean, the spread, the flag, the report's evidence quotes and the experts' notes. Paragraphs are made by
/// <see cref="ShortlistDocument.Paragraph"/> (one writer for the casebook's documents).</summary>
internal static class EvaluationDocument
{
    private const int QuotesPerPoint = 2;

    public static string FileName(string submissionId) => $"评价汇总-{string.Concat(submissionId.Where(c => !Path.GetInvalidFileNameChars().Contains(c)))}.docx";

    public static byte[] Create(EvaluatedCase evaluated, DateTimeOffset now)
    {
        var record = evaluated.Record;
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(ShortlistDocument.Paragraph($"专家评价汇总：{CaseFacts.Title(record)}", bold: true, halfPoints: 32, center: true));
            body.Append(ShortlistDocument.Paragraph($"编号：{record.SubmissionId}　类型：{evaluated.Type ?? "未定"}　申报单位：{record.Form?.Applicant}", halfPoints: 21, center: true));
            body.Append(ShortlistDocument.Paragraph($"专家：{string.Join("、", evaluated.AssignedTo)}（已提交 {evaluated.Submitted.Count} 位）　"
                + $"入选：{(evaluated.Selected ? "是" : "否")}　导出于 {now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}", halfPoints: 21));
            AppendResult(body, evaluated);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800, Header = 851, Footer = 992, Gutter = 0 }));
        }

        return buffer.ToArray();
    }

    private static void AppendResult(Body body, EvaluatedCase evaluated)
    {
        var record = evaluated.Record;
        if (evaluated.Result is not { } result || record.Evaluation is not { } rubric)
        {
            body.Append(ShortlistDocument.Paragraph("尚无二级指标覆盖分析或提交的评分表。"));
            return;
        }

        body.Append(ShortlistDocument.Paragraph($"综合评价：{ExportLabels.Number(result.Total)}（0–100）", bold: true, halfPoints: 28));
        var scores = record.Review?.Evaluation?.Scores ?? [];
        foreach (var dimension in result.Dimensions)
        {
            body.Append(ShortlistDocument.Paragraph($"{dimension.Name}　均值 {ExportLabels.Number(dimension.Mean)}（权重 {dimension.Weight.ToString("0.##", CultureInfo.InvariantCulture)}）", bold: true, halfPoints: 28));
            foreach (var point in result.Points.Where(p => p.Dimension == dimension.Dimension))
            {
                body.Append(ShortlistDocument.Paragraph($"{point.Point} {point.Name}：均值 {ExportLabels.Number(point.Mean)}，极差 {ExportLabels.Number(point.Spread)}"
                    + (point.Disputed ? "，专家意见不一，需讨论" : ""), bold: point.Disputed));
                var coverage = rubric.Coverage[point.Point];
                foreach (var evidence in coverage.Evidence.Take(QuotesPerPoint))
                {
                    body.Append(ShortlistDocument.Paragraph($"　　{(coverage.Covered ? "报告" : "最接近的段落")}（{evidence.Section}，第 {evidence.Paragraph + 1} 段）：“{evidence.Quote}”", halfPoints: 21));
                }

                foreach (var cell in scores.Where(s => s.Point == point.Point && evaluated.Submitted.Contains(s.Expert)))
                {
                    body.Append(ShortlistDocument.Paragraph($"　　{cell.Expert}：{ExportLabels.Number(cell.Score)}{(cell.Note is { } note ? "　" + note : "")}", halfPoints: 21));
                }
            }
        }
    }
}
