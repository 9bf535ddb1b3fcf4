using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Http;

namespace CaseIngest.Web.Pages;

/// <summary>The case page's 专家评审 card: for an assigned expert the way to their score sheet; for editors and admins
/// the experts, who has submitted, per 二级指标 the mean, the spread and whether it needs discussion, per 一级指标 the
/// mean, the total, 入选 (admin) and the summary .docx.</summary>
internal static class EvaluationSection
{
    public static void Append(StringBuilder html, HttpContext http, PageLayout layout, CaseRecord record, EvaluationOptions options)
    {
        if (PageLayout.InRole(http.User, Policies.Score))
        {
            html.Append("<section class=\"card\" id=\"evaluation\"><h2>专家评审</h2><p><a href=\"/expert/cases/").Append(Html.Url(record.SubmissionId))
                .Append("\">打开评分表</a></p></section>");
            return;
        }

        if (!PageLayout.InRole(http.User, Policies.EvaluationResults) || record.Review?.Evaluation is not { AssignedTo.Count: > 0 })
        {
            return;
        }

        var evaluated = EvaluatedCase.Of(record, options);
        var id = record.SubmissionId;
        html.Append("<section class=\"card\" id=\"evaluation\"><h2>专家评审</h2><p class=\"meta\">专家：").Append(Html.E(string.Join("、", evaluated.AssignedTo)))
            .Append(" · 已提交 ").Append(evaluated.Submitted.Count).Append(" / ").Append(evaluated.AssignedTo.Count)
            .Append(" · <a id=\"export-summary\" href=\"/api/cases/").Append(Html.Url(id)).Append("/evaluation.docx\" download>导出评价汇总 Word</a></p><p>");
        EvaluationPage.AppendSelect(html, http, layout, id, evaluated.Selected, PageLayout.InRole(http.User, Policies.EvaluationAdmin), back: "case");
        html.Append("</p>");
        if (evaluated.Result is not { } result || evaluated.Submitted.Count == 0)
        {
            html.Append("<p>尚无提交的评分表。</p></section>");
            return;
        }

        html.Append("<p id=\"evaluation-total\">综合评价 <strong>").Append(ExportLabels.Number(result.Total)).Append("</strong>（0–100）</p>");
        foreach (var dimension in result.Dimensions)
        {
            html.Append("<h3>").Append(Html.E(dimension.Name)).Append(" <span class=\"meta\">均值 ").Append(ExportLabels.Number(dimension.Mean))
                .Append("</span></h3><table><thead><tr><th>二级指标</th><th>均值</th><th>极差</th><th>专家数</th><th></th></tr></thead><tbody>");
            foreach (var point in result.Points.Where(p => p.Dimension == dimension.Dimension))
            {
                html.Append("<tr data-point=\"").Append(Html.E(point.Point)).Append('"').Append(point.Disputed ? " class=\"disputed\"" : "").Append("><th>")
                    .Append(Html.E(point.Point)).Append(' ').Append(Html.E(point.Name)).Append("</th><td>").Append(ExportLabels.Number(point.Mean))
                    .Append("</td><td>").Append(ExportLabels.Number(point.Spread)).Append("</td><td>").Append(point.Scores).Append("</td><td>")
                    .Append(point.Disputed ? "<span class=\"badge v-needs_review\">需讨论</span>" : "").Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }
}
