using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Evaluation;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Pages;

/// <summary>The expert's pages: the cases assigned to them with their progress, and a case's score sheet — the 19
/// 二级指标, each beside the report passages that cover it (opening the report at the paragraph), a score and a note,
/// saved with each press of 保存 (no script), submitted when every point has a score.</summary>
internal static class ExpertPage
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/expert", async (HttpContext http, VisibleCases visible, PageLayout layout, CancellationToken ct) =>
        {
            var name = http.User.Identity?.Name ?? "";
            var mine = new List<CaseRecord>();
            await foreach (var record in visible.ReadAllAsync(ct))
            {
                mine.Add(record);
            }

            return layout.Render(http, "我的评审", RenderList(name, [.. mine.OrderBy(r => r.SubmissionId, StringComparer.Ordinal)],
                http.Request.Query.ContainsKey("done")));
        }).RequireAuthorization(Policies.Score);

        pages.MapGet("/expert/cases/{id}", async (HttpContext http, string id, VisibleCases visible, PageLayout layout,
            IOptions<EvaluationOptions> options, CancellationToken ct) =>
        {
            var record = await visible.GetAsync(id, ct);
            return record is null
                ? NotAssigned(http, layout, id)
                : layout.Render(http, "评分表 · " + CaseFacts.Title(record), RenderSheet(http, layout, record, options.Value, Notice(http), null));
        }).RequireAuthorization(Policies.Score);

        pages.MapPost("/expert/cases/{id}", async (HttpContext http, string id, VisibleCases visible, EvaluationService evaluation,
            PageLayout layout, IOptions<EvaluationOptions> options, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var record = await visible.GetAsync(id, ct);
            if (record?.Evaluation is null)
            {
                return NotAssigned(http, layout, id);
            }

            // A point the form does not carry is not edited (only the sheet's own fields count).
            var edits = record.Evaluation.Coverage.Keys.Where(point => form.ContainsKey(point + ".score")).Select(point => new ScoreEdit(point, Number(form[point + ".score"]),
                Text(form[point + ".note"]), Number(form[point + ".seenScore"]), Text(form[point + ".seenNote"]))).ToList();
            var outcome = await evaluation.SaveAsync(id, edits, http.User, ct);
            var next = form["action"] == "submit-next";
            var submit = next || form["action"] == "submit";
            if (outcome.Error is null && submit)
            {
                outcome = await evaluation.SubmitAsync(id, http.User, ct);
            }

            if (outcome.Error is { } error)
            {
                // The sheet as it stands now, with the message: a conflict shows what the other tab saved.
                var current = await visible.GetAsync(id, ct) ?? record;
                return layout.Render(http, "评分表 · " + CaseFacts.Title(current),
                    RenderSheet(http, layout, current, options.Value, null, error), outcome.Conflict ? 409 : 400);
            }

            if (next)
            {
                // Submit and next: the next assigned case this expert has not submitted; 我的评审 when none is left.
                return Results.Redirect(await NextToScoreAsync(visible, http.User.Identity?.Name ?? "", id, ct) is { } following
                    ? $"/expert/cases/{Html.Url(following)}?previous={Html.Url(id)}" : "/expert?done=1");
            }

            return Results.Redirect($"/expert/cases/{Html.Url(id)}?{(submit ? "submitted" : "saved")}=1");
        }).RequireAuthorization(Policies.Score);
    }

    private static IResult NotAssigned(HttpContext http, PageLayout layout, string id) =>
        layout.Render(http, "案例不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 不在您的评审范围内</h1>"
            + "<p><a href=\"/expert\">返回我的评审</a></p></section>", 404);

    private static string? Notice(HttpContext http) =>
        http.Request.Query.ContainsKey("submitted") ? "评分表已提交，谢谢。"
        : http.Request.Query["previous"].ToString() is { Length: > 0 } previous ? $"{previous} 的评分表已提交。这是下一个待评案例。"
        : http.Request.Query.ContainsKey("saved") ? "已保存。" : null;

    /// <summary>The first of the expert's cases (in the list's order) not yet submitted, other than <paramref name="after"/>.</summary>
    private static async Task<string?> NextToScoreAsync(VisibleCases visible, string expert, string after, CancellationToken cancellationToken)
    {
        var waiting = new List<string>();
        await foreach (var record in visible.ReadAllAsync(cancellationToken))
        {
            if (record.Review?.Evaluation?.Submitted.Contains(expert) != true && !string.Equals(record.SubmissionId, after, StringComparison.Ordinal))
            {
                waiting.Add(record.SubmissionId);
            }
        }

        return waiting.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string RenderList(string expert, IReadOnlyList<CaseRecord> cases, bool allSubmitted)
    {
        var submitted = cases.Count(r => r.Review?.Evaluation?.Submitted.Contains(expert) == true);
        var html = new StringBuilder("<h1>我的评审</h1>");
        if (allSubmitted)
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"saved\">评分表已提交，分配给您的案例已全部评完，谢谢。</p>");
        }

        html.Append("<section class=\"card\" id=\"my-cases\">");
        html.Append("<p class=\"meta\" id=\"progress\">共 ").Append(cases.Count).Append(" 个案例，已提交 ").Append(submitted)
            .Append(" 个。每个案例按 5 个一级指标、19 项二级指标评价，引文链接打开报告中的相应段落。</p>");
        if (cases.Count == 0)
        {
            return html.Append("<p>尚未分配案例给您。</p></section>").ToString();
        }

        html.Append("<table><thead><tr><th>案例</th><th>类型</th><th>进度</th><th>状态</th></tr></thead><tbody>");
        foreach (var record in cases)
        {
            var points = record.Evaluation?.Coverage.Count ?? 0;
            var scored = record.Review?.Evaluation?.Scores.Count(s => s.Expert == expert && s.Score is not null) ?? 0;
            var done = record.Review?.Evaluation?.Submitted.Contains(expert) == true;
            html.Append("<tr data-id=\"").Append(Html.E(record.SubmissionId)).Append("\"><td><a href=\"/expert/cases/")
                .Append(Html.Url(record.SubmissionId)).Append("\">").Append(Html.E(CaseFacts.Title(record))).Append("</a><br><span class=\"meta\">")
                .Append(Html.E(record.SubmissionId)).Append("</span></td><td>").Append(Html.E(CaseFacts.EffectiveType(record)))
                .Append("</td><td>已评 ").Append(scored).Append(" / ").Append(points).Append(" 项二级指标</td><td class=\"state\">")
                .Append(done ? "已提交" : scored > 0 ? "评审中" : "未开始").Append("</td></tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    private static string RenderSheet(HttpContext http, PageLayout layout, CaseRecord record, EvaluationOptions options, string? notice, string? error)
    {
        var expert = http.User.Identity?.Name ?? "";
        var evaluation = record.Review?.Evaluation ?? new EvaluationReview();
        var submitted = evaluation.Submitted.Contains(expert);
        var id = Html.Url(record.SubmissionId);
        var html = new StringBuilder();
        html.Append("<p><a href=\"/expert\">← 我的评审</a></p><h1 id=\"case-title\">").Append(Html.E(CaseFacts.Title(record))).Append("</h1><p class=\"meta\">")
            .Append(Html.E(record.SubmissionId)).Append(" · ").Append(Html.E(CaseFacts.EffectiveType(record)))
            .Append(" · <a href=\"/cases/").Append(id).Append("/report\" target=\"_blank\" rel=\"noopener\">阅读报告全文</a></p>");
        if (notice is not null)
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"saved\">").Append(Html.E(notice)).Append("</p>");
        }

        if (error is not null)
        {
            html.Append("<p class=\"card error\" role=\"alert\" id=\"sheet-error\">").Append(Html.E(error)).Append("</p>");
        }

        if (record.Evaluation is not { Coverage.Count: > 0 } rubric)
        {
            return html.Append("<section class=\"card\"><p>此案例没有二级指标覆盖分析，无法评分。</p></section>").ToString();
        }

        var scored = rubric.Coverage.Keys.Count(p => EvaluationEdits.Cell(evaluation.Scores, expert, p)?.Score is not null);
        html.Append("<p class=\"meta\" id=\"sheet-progress\">已评 ").Append(scored).Append(" / ").Append(rubric.Coverage.Count)
            .Append(" 项二级指标").Append(submitted ? " · 已提交，不能再修改" : " · 每项 0–" + options.MaxScore + "，评完全部后提交").Append("</p>");
        html.Append("<form method=\"post\" action=\"/expert/cases/").Append(id).Append("\" id=\"sheet\">").Append(layout.AntiforgeryField(http));
        foreach (var dimension in rubric.Dimensions)
        {
            html.Append("<section class=\"card\" data-dimension=\"").Append(Html.E(dimension.Id)).Append("\"><h2>").Append(Html.E(dimension.Name)).Append("</h2>");
            foreach (var (point, coverage) in rubric.Coverage.Where(c => c.Value.Dimension == dimension.Id))
            {
                AppendPoint(html, record.SubmissionId, point, coverage, EvaluationEdits.Cell(evaluation.Scores, expert, point), options, submitted);
            }

            if (!submitted)
            {
                html.Append("<p><button type=\"submit\" name=\"action\" value=\"save\">保存</button></p>");
            }

            html.Append("</section>");
        }

        if (!submitted)
        {
            html.Append("<section class=\"card\"><button type=\"submit\" name=\"action\" value=\"submit-next\" id=\"submit-next\" class=\"primary\">提交并评下一个</button> ")
                .Append("<button type=\"submit\" name=\"action\" value=\"submit\" id=\"submit-sheet\">提交评分表</button>")
                .Append(" <span class=\"meta\">提交后不能再修改。</span></section>");
        }

        return html.Append("</form>").ToString();
    }

    private static void AppendPoint(StringBuilder html, string submissionId, string point, PointCoverage coverage, PointScore? cell,
        EvaluationOptions options, bool submitted)
    {
        var score = cell?.Score?.ToString(CultureInfo.InvariantCulture);
        html.Append("<div class=\"point ").Append(coverage.Covered ? "covered" : "missing").Append("\" data-point=\"").Append(Html.E(point))
            .Append("\" id=\"point-").Append(Html.E(point)).Append("\"><h3>").Append(Html.E(point)).Append(' ').Append(Html.E(coverage.Name))
            .Append(" <span class=\"meta\">").Append(coverage.Covered ? "报告已覆盖" : "报告未见").Append("</span></h3>");
        CoverageSection.AppendEvidence(html, submissionId, coverage, newTab: true);
        if (submitted)
        {
            html.Append("<p class=\"given\">评价：").Append(Html.E(score ?? "—")).Append(cell?.Note is { } n ? "　意见：" + Html.E(n) : "").Append("</p></div>");
            return;
        }

        html.Append("<p class=\"grade\"><label>评价 <select name=\"").Append(Html.E(point)).Append(".score\"><option value=\"\">未评</option>");
        for (var i = 0; i <= options.MaxScore; i++)
        {
            var value = i.ToString(CultureInfo.InvariantCulture);
            html.Append("<option value=\"").Append(value).Append('"').Append(value == score ? " selected" : "").Append('>').Append(value).Append("</option>");
        }

        html.Append("</select></label> <label>意见 <textarea name=\"").Append(Html.E(point)).Append(".note\" rows=\"2\" maxlength=\"")
            .Append(EvaluationService.MaxNoteLength).Append("\">").Append(Html.E(cell?.Note)).Append("</textarea></label>")
            .Append("<input type=\"hidden\" name=\"").Append(Html.E(point)).Append(".seenScore\" value=\"").Append(Html.E(score)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(Html.E(point)).Append(".seenNote\" value=\"").Append(Html.E(cell?.Note)).Append("\"></p></div>");
    }
}
