using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
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
            var html = new StringBuilder("<h1>案例集</h1>");
            if (http.Request.Query.ContainsKey("done"))
            {
                html.Append("<p class=\"card\" role=\"status\" id=\"casebook-done\">已保存。可列入候选的案例都已处理完。</p>");
            }

            html.Append("<section class=\"card\" id=\"shortlist\"><h2>候选清单</h2><p class=\"meta\">只有合规（专家评审后：已入选）的案例可以列入；在案例页加入或移出。</p>");
            var records = await shortlist.ListAsync(ct);
            html.Append("<p><a id=\"export-xlsx\" href=\"/api/casebook/shortlist.xlsx\" download>导出 Excel</a> · ")
                .Append("<a id=\"export-docx\" href=\"/api/casebook/shortlist.docx\" download>导出 Word</a></p>");
            if (records.Count == 0)
            {
                html.Append("<p>候选清单还是空的。</p>");
            }
            else
            {
                html.Append("<table><thead><tr><th>案例</th><th>类型</th><th>审查结论</th><th>编辑评分</th><th>备注</th><th>列入人</th></tr></thead><tbody>");
                foreach (var record in records)
                {
                    var entry = record.Review!.Shortlist!;
                    html.Append("<tr data-id=\"").Append(Html.E(record.SubmissionId)).Append("\"><td><a href=\"/cases/")
                        .Append(Html.Url(record.SubmissionId)).Append("\">").Append(Html.E(CaseFacts.Title(record))).Append("</a></td><td>")
                        .Append(Html.E(CaseFacts.EffectiveType(record))).Append("</td><td data-state=\"").Append(CaseRecordJson.Name(ReviewRules.StateOf(record)))
                        .Append("\">").Append(ReviewLabels.State(ReviewRules.StateOf(record))).Append("</td><td>").Append(entry.Rating).Append("</td><td>")
                        .Append(Html.E(entry.Note)).Append("</td><td>").Append(Html.E(entry.By)).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section><section class=\"card\" id=\"candidates\"><h2>各类型推荐候选</h2>")
                .Append("<p class=\"meta\">专家评审后由管理员标为入选的案例，按专家综合评价（0–100，已提交评分表的一级指标均值按权重加权）排序。</p>");
            var ranked = await ranking.RankAsync(CandidatesPerType, ct);
            if (ranked.Count == 0)
            {
                html.Append("<p>尚无入选案例：专家评审完成、管理员标记入选后在此列出。</p>");
            }

            foreach (var (type, candidates) in ranked)
            {
                html.Append("<h3>").Append(Html.E(type)).Append("</h3><table><thead><tr><th>案例</th><th>综合评价</th>");
                foreach (var dimension in candidates[0].Dimensions.Keys)
                {
                    html.Append("<th>").Append(Html.E(dimension)).Append("</th>");
                }

                html.Append("<th>专家数</th><th>需讨论</th><th>编辑评级</th></tr></thead><tbody>");
                foreach (var c in candidates)
                {
                    html.Append("<tr data-id=\"").Append(Html.E(c.SubmissionId)).Append("\"><td><a href=\"/cases/").Append(Html.Url(c.SubmissionId)).Append("\">").Append(Html.E(c.Title))
                        .Append("</a><br><span class=\"meta\">").Append(Html.E(c.SubmissionId)).Append(c.Edition is { } e ? $" · 第{e}届 · " : " · ")
                        .Append(Html.E(c.Applicant)).Append("</span></td><td>").Append(ExportLabels.Number(c.Score)).Append("</td>");
                    foreach (var mean in c.Dimensions.Values)
                    {
                        html.Append("<td>").Append(ExportLabels.Number(mean)).Append("</td>");
                    }

                    html.Append("<td>").Append(c.Experts).Append("</td><td>").Append(Html.E(string.Join("、", c.Disputed))).Append("</td><td>")
                        .Append(c.ShortlistRating?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section>");
            return layout.Render(http, "案例集", html.ToString());
        }).RequireAuthorization(Policies.Casebook);
    }
}
