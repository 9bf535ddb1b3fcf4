using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Pages;

/// <summary>The experts' evaluation for the ingestion team and editors: assignment of the compliant cases (admin), the
/// progress per case, the ranking per type with the dimension means and the points to discuss, 入选 (admin), exports.</summary>
internal static class EvaluationPage
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/evaluation", async (HttpContext http, EvaluationRanking ranking, PageLayout layout, IOptions<EvaluationOptions> options,
            CancellationToken ct) =>
        {
            var cases = await ranking.ListAsync(ct);
            var ranked = await ranking.RankAsync(selectedOnly: false, ct);
            return layout.Render(http, "专家评审", Render(http, layout, cases, ranked, options.Value));
        }).RequireAuthorization(Policies.EvaluationResults);

        pages.MapPost("/evaluation/assign", async (HttpContext http, EvaluationService evaluation, CancellationToken ct) =>
        {
            var outcome = await evaluation.AssignCompliantAsync(http.User, ct);
            return Results.Redirect("/evaluation" + Html.Query([("assigned", outcome.Assignments.ToString(CultureInfo.InvariantCulture)),
                ("cases", outcome.Cases.ToString(CultureInfo.InvariantCulture)), ("short", outcome.ShortBy.Count.ToString(CultureInfo.InvariantCulture))]));
        }).RequireAuthorization(Policies.EvaluationAdmin);

        pages.MapPost("/cases/{id}/selected", async (HttpContext http, string id, CaseReviewService reviews, EvaluationRanking ranking,
            PageLayout layout, TimeProvider clock, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var select = form["selected"] == "1";
            var outcome = await reviews.UpdateAsync(id, http.User, null, record =>
            {
                var review = record.Review!;
                if ((review.Selected is not null) == select)
                {
                    return ReviewEditResult.Of();
                }

                review.Selected = select ? new Selection { By = http.User.Identity?.Name, At = clock.GetUtcNow() } : null;
                return ReviewEditResult.Of(new ReviewChange(select ? AuditActions.Selected : AuditActions.Unselected, null,
                    select ? null : "入选", select ? "入选" : null));
            }, ct);
            return outcome switch
            {
                { Missing: true } => layout.Render(http, "案例不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 不存在</h1></section>", 404),
                { Error: { } error } => layout.Render(http, "无法保存", $"<section class=\"card\"><p class=\"error\">{Html.E(error)}</p></section>", 400),
                // 入选 (or not) and next: on to the next case of the ranking; the ranking after the last.
                _ when form["after"] == "next" => Results.Redirect(await ranking.NextAfterAsync(id, ct) is { } next
                    ? $"/cases/{Html.Url(next)}?saved={Html.Url(id)}#evaluation" : "/evaluation?saved=1#ranking"),
                _ => Results.Redirect(form["back"] == "case" ? $"/cases/{Html.Url(id)}?saved=1" : "/evaluation?saved=1#ranking"),
            };
        }).RequireAuthorization(Policies.EvaluationAdmin);
    }

    private static string Render(HttpContext http, PageLayout layout, IReadOnlyList<EvaluatedCase> cases, IReadOnlyList<TypeRanking> ranked,
        EvaluationOptions options)
    {
        var admin = PageLayout.InRole(http.User, Policies.EvaluationAdmin);
        var html = new StringBuilder("<h1>专家评审</h1>");
        var query = http.Request.Query;
        if (query.ContainsKey("assigned"))
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"assigned\">已分配：").Append(Html.E(query["cases"].ToString())).Append(" 个合规案例，新增 ")
                .Append(Html.E(query["assigned"].ToString())).Append(" 项分配")
                .Append(query["short"] != "0" ? $"；{Html.E(query["short"].ToString())} 个案例因回避本单位专家不足，未满 {options.ExpertsPerCase} 位" : "")
                .Append("。</p>");
        }
        else if (query.ContainsKey("saved"))
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"saved\">已保存。</p>");
        }

        html.Append("<section class=\"card\" id=\"assignment\"><h2>分配与进度</h2>");
        if (admin)
        {
            html.Append("<form method=\"post\" action=\"/evaluation/assign\">").Append(layout.AntiforgeryField(http))
                .Append("<button type=\"submit\" id=\"assign\">分配合规案例给专家</button> <span class=\"meta\">每个案例 ").Append(options.ExpertsPerCase)
                .Append(" 位专家，工作量均衡，回避申报单位与推荐单位为本单位的专家；已有的分配保留。</span></form>");
        }

        html.Append("<p><a id=\"export-ranking\" href=\"/api/evaluation/ranking.xlsx\" download>导出各类型排名 Excel</a>")
            .Append(admin ? " · <a id=\"export-sheets\" href=\"/api/evaluation/sheets.xlsx\" download>导出专家评分表 Excel</a>" : "").Append("</p>");
        if (cases.Count == 0)
        {
            html.Append("<p>尚无分配给专家的案例。</p>");
        }
        else
        {
            html.Append("<table id=\"progress\"><thead><tr><th>案例</th><th>专家</th><th>已提交</th><th>需讨论的二级指标</th></tr></thead><tbody>");
            foreach (var c in cases)
            {
                html.Append("<tr data-id=\"").Append(Html.E(c.Record.SubmissionId)).Append("\"><td><a href=\"/cases/").Append(Html.Url(c.Record.SubmissionId)).Append("\">")
                    .Append(Html.E(CaseFacts.Title(c.Record))).Append("</a><br><span class=\"meta\">").Append(Html.E(c.Record.SubmissionId)).Append("</span></td><td>")
                    .Append(Html.E(string.Join("、", c.AssignedTo))).Append("</td><td>").Append(c.Submitted.Count).Append(" / ").Append(c.AssignedTo.Count)
                    .Append("</td><td class=\"disputed\">").Append(Html.E(string.Join("、", c.Result?.Disputed.Select(p => p.Point) ?? []))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section><section class=\"card\" id=\"ranking\"><h2>各类型排名</h2><p class=\"meta\">按已提交评分表计算：二级指标取专家均值，一级指标取其二级指标均值，")
            .Append("综合评价为一级指标均值按权重加权、折算为 0–100。两位专家对同一二级指标的评价相差超过 ")
            .Append(options.DisagreementGap.ToString(CultureInfo.InvariantCulture)).Append(" 即标为需讨论。</p>");
        if (ranked.Count == 0)
        {
            html.Append("<p>尚无完成评价的案例。</p>");
        }

        foreach (var type in ranked)
        {
            html.Append("<h3>").Append(Html.E(type.Type)).Append("</h3><table data-type=\"").Append(Html.E(type.Type)).Append("\"><thead><tr><th>名次</th><th>案例</th><th>综合评价</th>");
            foreach (var dimension in type.Cases[0].Result!.Dimensions)
            {
                html.Append("<th>").Append(Html.E(dimension.Name)).Append("</th>");
            }

            html.Append("<th>需讨论</th><th>入选</th></tr></thead><tbody>");
            var rank = 0;
            foreach (var c in type.Cases)
            {
                var id = c.Record.SubmissionId;
                html.Append("<tr data-id=\"").Append(Html.E(id)).Append("\"><td>").Append(++rank).Append("</td><td><a href=\"/cases/").Append(Html.Url(id)).Append("\">")
                    .Append(Html.E(CaseFacts.Title(c.Record))).Append("</a><br><span class=\"meta\">").Append(Html.E(id)).Append(" · ")
                    .Append(c.Submitted.Count).Append(" 位专家</span></td><td class=\"total\">").Append(ExportLabels.Number(c.Result!.Total)).Append("</td>");
                foreach (var dimension in c.Result.Dimensions)
                {
                    html.Append("<td>").Append(ExportLabels.Number(dimension.Mean)).Append("</td>");
                }

                html.Append("<td class=\"disputed\">").Append(Html.E(string.Join("、", c.Result.Disputed.Select(p => p.Point)))).Append("</td><td class=\"selected\">");
                AppendSelect(html, http, layout, id, c.Selected, admin, back: null);
                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</section>").ToString();
    }

    /// <summary>入选 state, and for an admin the button that changes it.</summary>
    public static void AppendSelect(StringBuilder html, HttpContext http, PageLayout layout, string id, bool selected, bool admin, string? back)
    {
        html.Append(selected ? "<span class=\"badge v-accepted\">已入选</span>" : "");
        if (!admin)
        {
            html.Append(selected ? "" : "—");
            return;
        }

        html.Append("<form class=\"inline\" method=\"post\" action=\"/cases/").Append(Html.Url(id)).Append("/selected\">").Append(layout.AntiforgeryField(http))
            .Append("<input type=\"hidden\" name=\"selected\" value=\"").Append(selected ? "0" : "1").Append("\">")
            .Append(back is null ? "" : $"<input type=\"hidden\" name=\"back\" value=\"{Html.E(back)}\">")
            .Append("<button type=\"submit\" class=\"select\">").Append(selected ? "取消入选" : "入选").Append("</button></form>");
        if (back == "case")
        {
            // On the case page the admin goes through the ranking: 入选 and on, or on without it.
            if (!selected)
            {
                AppendNext(html, http, layout, id, true, "select-next", "入选并转到下一个", primary: true);
            }

            AppendNext(html, http, layout, id, selected, "skip-next", selected ? "转到下一个" : "不入选，转到下一个", primary: false);
        }
    }

    private static void AppendNext(StringBuilder html, HttpContext http, PageLayout layout, string id, bool select, string buttonId, string label, bool primary) =>
        html.Append(" <form class=\"inline\" method=\"post\" action=\"/cases/").Append(Html.Url(id)).Append("/selected\">").Append(layout.AntiforgeryField(http))
            .Append("<input type=\"hidden\" name=\"selected\" value=\"").Append(select ? "1" : "0").Append("\"><input type=\"hidden\" name=\"after\" value=\"next\">")
            .Append("<button type=\"submit\" id=\"").Append(buttonId).Append('"').Append(primary ? " class=\"primary\"" : "").Append('>')
            .Append(label).Append("</button></form>");
}
