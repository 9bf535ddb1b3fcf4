using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using MiniExcelLibs;

namespace CaseIngest.Web.Exports;

/// <summary>The editors' shortlist as an .xlsx sheet, one row a case (contacts as the caller may see them).</summary>
internal static class ShortlistSpreadsheet
{
    public static async Task WriteAsync(Stream output, IEnumerable<CaseRecord> shortlist, CancellationToken cancellationToken)
    {
        var rows = shortlist.Select(r => new Dictionary<string, object?>
        {
            ["编号"] = r.SubmissionId,
            ["案例名称"] = CaseFacts.Title(r),
            ["申报单位"] = r.Form?.Applicant,
            ["推荐单位"] = r.Form?.Recommender ?? r.Recommender,
            ["案例类型"] = CaseFacts.EffectiveType(r),
            ["届次"] = r.Edition,
            ["审查结论"] = ExportLabels.Verdict(r.Verdict),
            ["评分"] = r.Review!.Shortlist!.Rating,
            ["备注"] = r.Review.Shortlist.Note,
            ["入选人"] = r.Review.Shortlist.By,
            ["入选时间"] = r.Review.Shortlist.At?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["联系人"] = r.Form?.ApplicantContact?.Name,
            ["联系电话"] = r.Form?.ApplicantContact?.Phone,
            ["电子邮箱"] = r.Form?.ApplicantContact?.Email,
        }).ToList();

        await output.SaveAsAsync(SpreadsheetCells.Neutralise(rows), sheetName: "入选候选", cancellationToken: cancellationToken);
    }
}
