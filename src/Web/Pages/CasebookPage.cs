using System.Globalization;
using System.Text;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Casebook;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>The editors' shortlist with its exports, and the ranked candidates per type.</summary>
internal static class CasebookPage
{
    private const int CandidatesPerType = 10;

    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/casebook", async (HttpContext http, ShortlistQuery shortlist, CandidateRanking ranking, PageLayout layout,
            CancellationToken ct) =>
        {
            var html = new StringBuilder("<h1>案例集</h1><section class=\"card\" id=\"shortlist\"><h2>入选候选清单</h2>");
            var records = await shortlist.ListAsync(ct);
            html.Append("<p><a id=\"export-xlsx\" href=\"/api/casebook/shortlist.xlsx\" download>导出 Excel</a> · ")
                .Append("<a id=\"export-docx\" href=\"/api/casebook/shortlist.docx\" download>导出 Word</a></p>");
            if (records.Count == 0)
            {
                html.Append("<p>尚无入选案例。</p>");
            }
            else
            {
                html.Append("<table><thead><tr><th>案例</th><th>类型</th><th>评分</th><th>备注</th><th>入选人</th></tr></thead><tbody>");
                foreach (var record in records)
                {
                    var entry = record.Review!.Shortlist!;
                    html.Append("<tr data-id=\"").Append(Html.E(record.SubmissionId)).Append("\"><td><a href=\"/cases/")
                        .Append(Html.Url(record.SubmissionId)).Append("\">").Append(Html.E(CaseFacts.Title(record))).Append("</a></td><td>")
                        .Append(Html.E(CaseFacts.EffectiveType(record))).Append("</td><td>").Append(entry.Rating).Append("</td><td>")
                        .Append(Html.E(entry.Note)).Append("</td><td>").Append(Html.E(entry.By)).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section><section class=\"card\" id=\"candidates\"><h2>各类型推荐候选</h2>")
                .Append("<p class=\"meta\">仅含合规案例（通过或需复核）。得分 = 0.4×类型置信度 + 0.4×绩效表现量化成果（" + CandidateRanking.FiguresForFullScore + " 项满分）+ 0.2×审查结论（通过 1，需复核 0.5）。</p>");
            foreach (var (type, candidates) in await ranking.RankAsync(CandidatesPerType, ct))
            {
                html.Append("<h3>").Append(Html.E(type)).Append("</h3><table><thead><tr><th>案例</th><th>得分</th><th>类型置信度</th><th>量化成果</th><th>结论</th><th>评分</th></tr></thead><tbody>");
                foreach (var c in candidates)
                {
                    html.Append("<tr><td><a href=\"/cases/").Append(Html.Url(c.SubmissionId)).Append("\">").Append(Html.E(c.Title))
                        .Append("</a><br><span class=\"meta\">").Append(Html.E(c.SubmissionId)).Append(c.Edition is { } e ? $" · 第{e}届 · " : " · ")
                        .Append(Html.E(c.Applicant)).Append("</span></td><td>")
                        .Append(c.Score.ToString("0.000", CultureInfo.InvariantCulture)).Append("</td><td>")
                        .Append(c.TypeConfidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>").Append(c.FigureCount)
                        .Append(c.SampleFigures.Count > 0 ? " <span class=\"meta\">（" + Html.E(string.Join("、", c.SampleFigures)) + "）</span>" : "")
                        .Append("</td><td>").Append(ExportLabels.Verdict(c.Verdict)).Append("</td><td>")
                        .Append(c.ShortlistRating?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section>");
            return layout.Render(http, "案例集", html.ToString());
        }).RequireAuthorization(Policies.Casebook);
    }
}
