using System.Globalization;
using System.Security.Claims;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Search.History;
using CaseIngest.Web.Review;
using Microsoft.Extensions.Options;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Casebook;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Exports;
using CaseIngest.Web.PageImages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>Everything about one case, and the forms to confirm its type and shortlist it.</summary>
internal static class CasePage
{
    private const int SimilarCount = 5;

    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/cases/{id}", async (HttpContext http, string id, VisibleCases index, PageImageStore images, PageLayout layout,
            IAuditStore audit, IRecordHistory history, IOptions<ReviewOptions> reviewOptions, IOptions<EvaluationOptions> evaluationOptions,
            ShortlistRules shortlistRules, TimeProvider clock, CancellationToken ct) =>
        {
            var record = await index.GetAsync(id, ct);
            if (record is null)
            {
                return layout.Render(http, "案例不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 不存在</h1></section>", 404);
            }

            var similar = await index.MoreLikeThisAsync(id, SimilarCount, ct);
            var pageImages = new List<PageImage?>();
            foreach (var page in record.Pages)
            {
                pageImages.Add(await images.OpenAsync(record, page, ct));
            }

            var review = new StringBuilder();
            var earlier = await history.ListAsync(id, ct);
            CaseReviewSection.Append(review, http, layout, record, await index.AuditAsync(audit, id, ct),
                PackageVersions.Of([.. earlier.Select(index.Visible), record]), reviewOptions.Value, clock.GetUtcNow());
            var evaluation = new StringBuilder();
            EvaluationSection.Append(evaluation, http, layout, record, evaluationOptions.Value);
            return layout.Render(http, CaseFacts.Title(record), Render(http, layout, record, similar, pageImages, review.ToString(), evaluation.ToString(),
                shortlistRules.Refusal(record)));
        });

        pages.MapPost("/cases/{id}/type", async (HttpContext http, string id, CaseReviewService reviews, ReviewQueue queue, PageLayout layout,
            CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var outcome = await reviews.ConfirmTypeAsync(id, form["confirmedType"], http.User, ct);
            if (outcome.Record is not null && form["after"] == "next")
            {
                // Save and next: on through the queue the reviewer came from (its filters carried in queue.* fields).
                var filter = ReviewQueuePage.Filter(form);
                var next = await queue.NextAsync(filter, id, http.User.IsInRole(Roles.Admin), ct);
                return Results.Redirect(next is null ? "/review" + Html.Query([.. filter.Pairs(), ("done", "1")]) : ReviewQueuePage.CaseLink(next, filter));
            }

            return Answer(http, layout, id, outcome, "#type");
        }).RequireAuthorization(Policies.ConfirmType);

        pages.MapPost("/cases/{id}/shortlist", async (HttpContext http, string id, CaseReviewService reviews, ShortlistCandidates candidates,
            PageLayout layout, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var rating = int.TryParse(form["rating"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
            var outcome = await reviews.ShortlistAsync(id, rating, form["note"], http.User, ct);
            if (outcome.Record is not null && form["after"] == "next")
            {
                // Save and next: on to the next case that may be shortlisted and is not yet; the casebook when none is left.
                return Results.Redirect(await candidates.NextAsync(id, ct) is { } next
                    ? $"/cases/{Html.Url(next)}?saved={Html.Url(id)}#shortlist" : "/casebook?done=1");
            }

            return Answer(http, layout, id, outcome, "#shortlist");
        }).RequireAuthorization(Policies.Casebook);

        pages.MapPost("/cases/{id}/shortlist/remove", async (HttpContext http, string id, CaseReviewService reviews, PageLayout layout,
            CancellationToken ct) => Answer(http, layout, id, await reviews.RemoveFromShortlistAsync(id, http.User, ct), "#shortlist"))
            .RequireAuthorization(Policies.Casebook);
    }

    private static IResult Answer(HttpContext http, PageLayout layout, string id, ReviewOutcome outcome, string anchor = "") => outcome switch
    {
        { Missing: true } => layout.Render(http, "案例不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 不存在</h1></section>", 404),
        { Error: { } error } => layout.Render(http, "无法保存", $"<section class=\"card\"><h1>无法保存</h1><p class=\"error\">{Html.E(error)}</p>"
            + $"<p><a href=\"/cases/{Html.Url(id)}\">返回案例</a></p></section>", 400),
        _ => Results.Redirect($"/cases/{Html.Url(id)}?saved=1{anchor}"),
    };

    private static string Render(HttpContext http, PageLayout layout, CaseRecord record, IReadOnlyList<SearchHit> similar,
        IReadOnlyList<PageImage?> images, string review, string evaluation, string? shortlistRefusal)
    {
        var html = new StringBuilder();
        html.Append("<h1 id=\"case-title\">").Append(Html.E(CaseFacts.Title(record))).Append("</h1><p class=\"meta\">")
            .Append(Html.E(record.SubmissionId)).Append(record.Edition is { } e ? $" · 第{e}届" : "")
            .Append(" · 推荐单位：").Append(Html.E(record.Form?.Recommender ?? record.Recommender))
            .Append(record.SubmittedAt is { } at ? " · 提交于 " + at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "")
            .Append(" · 系统结论 <span class=\"badge v-").Append(CaseRecordJson.Name(record.Verdict)).Append("\" id=\"verdict\">")
            .Append(ExportLabels.Verdict(record.Verdict)).Append("</span></p>");
        if (http.Request.Query["saved"].ToString() is { Length: > 0 } saved)
        {
            // saved=1: this case was saved; saved=<id>: that case was, and this is the next one (保存并下一个).
            html.Append("<p class=\"card\" role=\"status\" id=\"saved\">")
                .Append(saved == "1" ? "已保存。" : $"已保存 {Html.E(saved)}。这是下一个案例。").Append("</p>");
        }

        // In the order a reviewer works: the findings with their evidence and the decision, the type, the seals on the
        // page image, then the form and indicators, then the report.
        html.Append(review);
        AppendType(html, http, layout, record);
        AppendShortlist(html, http, layout, record, shortlistRefusal);
        AppendPages(html, record, images);
        AppendForm(html, record);
        AppendIndicators(html, record);
        AppendReport(html, record);
        CoverageSection.Append(html, record);
        html.Append(evaluation);
        AppendSimilar(html, similar);
        return html.ToString();
    }

    private static void AppendForm(StringBuilder html, CaseRecord record)
    {
        var form = record.Form;
        html.Append("<section class=\"card\" id=\"form\"><h2>申报表</h2>");
        if (form is null)
        {
            html.Append("<p>未能读取申报表。</p></section>");
            return;
        }

        html.Append("<table><tbody>");
        Row(html, "案例名称", form.CaseName);
        Row(html, "申报单位", form.Applicant);
        Row(html, "推荐单位", form.Recommender);
        Row(html, "所选类型", form.DeclaredTypes.Count == 0 ? "未勾选" : string.Join("、", form.DeclaredTypes));
        Row(html, "申报单位联系人", ContactText(form.ApplicantContact));
        Row(html, "推荐单位联系人", ContactText(form.RecommenderContact));
        Row(html, "申报单位意见", form.ApplicantOpinion);
        Row(html, "推荐单位意见", form.RecommenderOpinion);
        Row(html, "创造人", string.Join("；", form.Creators.Select(c => string.Join(" ", new[] { c.Name, c.Title, c.Rank }.Where(s => !string.IsNullOrEmpty(s))))));
        html.Append("</tbody></table></section>");
    }

    /// <summary>A contact on one line; hidden phone and e-mail (a reviewer's view) are said once, not once per value.</summary>
    private static string ContactText(Contact? contact)
    {
        if (contact is null)
        {
            return "";
        }

        var details = new[] { contact.Phone, contact.Email }.Where(s => !string.IsNullOrEmpty(s)).ToList();
        var hidden = details.RemoveAll(d => d == ContactRedaction.Hidden) > 0;
        var parts = new[] { contact.Name, contact.Title }.Where(s => !string.IsNullOrEmpty(s)).Concat(details).ToList();
        if (hidden)
        {
            parts.Add("电话、邮箱" + ContactRedaction.Hidden);
        }

        return string.Join("　", parts);
    }

    private static void AppendIndicators(StringBuilder html, CaseRecord record)
    {
        if (record.Form?.Indicators is not { Count: > 0 } indicators)
        {
            return;
        }

        var (first, second) = CaseFacts.IndicatorYears(record.Edition);
        html.Append("<section class=\"card\" id=\"indicators\"><h2>主要指标</h2><table><thead><tr><th>指标</th><th>").Append(first)
            .Append("</th><th>").Append(second).Append("</th><th>增长</th></tr></thead><tbody>");
        foreach (var (name, values) in indicators)
        {
            var growth = CaseFacts.Growth(values);
            html.Append("<tr><td>").Append(Html.E(name)).Append("</td><td>").Append(Number(values.ElementAtOrDefault(0)))
                .Append("</td><td>").Append(Number(values.ElementAtOrDefault(1))).Append("</td><td>")
                .Append(growth is { } g ? g.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "—").Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"meta\">金额单位：万元；占比单位：%。</p></section>");
    }

    private static string Number(double? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    private static void AppendType(StringBuilder html, HttpContext http, PageLayout layout, CaseRecord record)
    {
        var classification = record.Classification;
        html.Append("<section class=\"card\" id=\"type\"><h2>案例类型</h2><p>申报表所选：")
            .Append(Html.E(record.Form?.DeclaredTypes is { Count: > 0 } d ? string.Join("、", d) : "未勾选"))
            .Append("；系统判断：").Append(Html.E(classification?.Predicted ?? "把握不足，未作判断"));
        if (classification?.Scores is { Count: > 0 } scores)
        {
            html.Append("（把握度 ").Append(Html.E(string.Join("，", scores.OrderByDescending(s => s.Value).Take(3)
                .Select(s => $"{s.Key} {s.Value:0%}")))).Append('）');
        }

        html.Append("</p>");
        if (classification?.Evidence is { Count: > 0 } evidence)
        {
            html.Append("<p class=\"meta\" id=\"type-evidence\">判断所依据的报告用词：").Append(Html.E(string.Join("；", evidence.Select(CaseFacts.EvidenceTerm))))
                .Append("</p>");
        }

        var review = record.Review;
        html.Append("<p id=\"confirmed-type\">人工确认：").Append(review?.ConfirmedType is { } confirmed
            ? $"{Html.E(confirmed)}（{Html.E(review.ConfirmedBy)}）" : "尚未确认").Append("</p>");
        if (PageLayout.InRole(http.User, Policies.ConfirmType))
        {
            var current = review?.ConfirmedType ?? CaseFacts.EffectiveType(record);
            html.Append("<form method=\"post\" action=\"/cases/").Append(Html.Url(record.SubmissionId)).Append("/type\">")
                .Append(layout.AntiforgeryField(http));
            ReviewQueuePage.AppendQueueFields(html, ReviewQueuePage.Filter(http.Request.Query));
            html.Append("<select name=\"confirmedType\" aria-label=\"确认类型\">");
            foreach (var type in CaseTypes.All)
            {
                html.Append("<option").Append(type == current ? " selected" : "").Append('>').Append(Html.E(type)).Append("</option>");
            }

            html.Append("</select> <button type=\"submit\" name=\"after\" value=\"stay\">确认类型</button> ")
                .Append("<button type=\"submit\" name=\"after\" value=\"next\" id=\"type-next\" class=\"primary\">确认并转到下一个待审案例</button></form>");
        }

        html.Append("</section>");
    }

    private static void AppendShortlist(StringBuilder html, HttpContext http, PageLayout layout, CaseRecord record, string? refusal)
    {
        if (!PageLayout.InRole(http.User, Policies.Casebook))
        {
            return;
        }

        var shortlist = record.Review?.Shortlist;
        var action = "/cases/" + Html.Url(record.SubmissionId) + "/shortlist";
        html.Append("<section class=\"card\" id=\"shortlist\"><h2>案例集</h2><p id=\"shortlist-state\">")
            .Append(shortlist is null ? "未列入候选清单。" : $"已列入候选：{shortlist.Rating} 分（{Html.E(shortlist.By)}）{Html.E(shortlist.Note)}")
            .Append("</p>");
        if (refusal is not null)
        {
            html.Append("<p class=\"meta\" id=\"shortlist-refused\">").Append(Html.E(refusal)).Append("</p>");
        }
        else
        {
            AppendShortlistForm(html, http, layout, shortlist, action);
        }

        if (shortlist is not null)
        {
            html.Append("<form class=\"inline\" method=\"post\" action=\"").Append(action).Append("/remove\">").Append(layout.AntiforgeryField(http))
                .Append("<button type=\"submit\">移出候选</button></form>");
        }

        html.Append("</section>");
    }

    private static void AppendShortlistForm(StringBuilder html, HttpContext http, PageLayout layout, Shortlist? shortlist, string action)
    {
        html.Append("<form method=\"post\" action=\"").Append(action).Append("\">").Append(layout.AntiforgeryField(http))
            .Append("<label>评分 <select name=\"rating\" aria-label=\"评分\">");
        for (var rating = 5; rating >= 1; rating--)
        {
            html.Append("<option value=\"").Append(rating).Append('"').Append(rating == (shortlist?.Rating ?? 4) ? " selected" : "")
                .Append('>').Append(rating).Append("</option>");
        }

        html.Append("</select></label> <label>备注 <input name=\"note\" aria-label=\"备注\" maxlength=\"").Append(CaseReviewService.MaxNoteLength)
            .Append("\" value=\"").Append(Html.E(shortlist?.Note)).Append("\"></label> ")
            // The first button is what Enter in the note presses: save and go on to the next candidate.
            .Append("<button type=\"submit\" name=\"after\" value=\"next\" id=\"shortlist-next\" class=\"primary\">保存并下一个</button> ")
            .Append("<button type=\"submit\" name=\"after\" value=\"stay\">").Append(shortlist is null ? "加入候选" : "更新").Append("</button></form>");
    }

    private static void AppendPages(StringBuilder html, CaseRecord record, IReadOnlyList<PageImage?> images)
    {
        html.Append("<section class=\"card\" id=\"stamps\"><h2>盖章页</h2>");
        if (record.Stamps is { } stamps)
        {
            html.Append("<table><thead><tr><th></th><th>公章</th><th>日期</th><th>印章单位</th><th>置信度</th></tr></thead><tbody>");
            StampRow(html, "申报单位", stamps.Applicant);
            StampRow(html, "推荐单位", stamps.Recommender);
            html.Append("</tbody></table>");
        }

        html.Append("<div class=\"pages\">");
        for (var i = 0; i < record.Pages.Count; i++)
        {
            var page = record.Pages[i];
            var view = $"/cases/{Html.Url(record.SubmissionId)}/pages/{i + 1}";
            html.Append("<figure><a href=\"").Append(view).Append("\" title=\"查看大图\">");
            SignaturePageView.AppendFigure(html, record, i + 1, page, images[i], large: false);
            html.Append("</a><figcaption class=\"meta\">").Append(Html.E(page.File)).Append(" 第").Append(page.Page).Append('页')
                .Append(page.Confidence is { } c ? $" · 识别置信度 {c:0.00}" : "")
                .Append(images[i] is null ? " · 未保存此页图像，仅显示公章位置" : "")
                .Append(" · <a class=\"page-link\" href=\"").Append(view).Append("\">查看大图</a></figcaption></figure>");
        }

        html.Append("</div></section>");
    }

    private static void StampRow(StringBuilder html, string label, StampBlock block) =>
        html.Append("<tr><td>").Append(label).Append("</td><td>").Append(block.Present ? "有" : "<span class=\"sev-error\">无</span>")
            .Append("</td><td>").Append(Html.E(block.Date ?? "—")).Append("</td><td>").Append(Html.E(string.IsNullOrEmpty(block.Organization) ? "—" : block.Organization))
            .Append("</td><td>").Append(block.Confidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");

    private static void AppendReport(StringBuilder html, CaseRecord record)
    {
        var report = record.Report;
        html.Append("<section class=\"card\" id=\"report\"><h2>案例报告</h2>");
        if (report is null)
        {
            html.Append("<p>未能读取案例报告。</p></section>");
            return;
        }

        html.Append("<p class=\"meta\">正文 ").Append(report.BodyWordCount).Append(" 字 · 企业概况 ").Append(SectionWords(report.OverviewWordCount))
            .Append(" · 案例内容 ").Append(SectionWords(report.ContentWordCount)).Append(" · 绩效表现 ").Append(SectionWords(report.PerformanceWordCount))
            .Append(" · ").Append(report.HasToc ? "有目录" : "无目录").Append(" · 标题层级 ").Append(report.MaxHeadingDepth).Append("</p>");
        html.Append("<ul class=\"outline\">");
        foreach (var entry in report.Outline)
        {
            html.Append("<li class=\"l").Append(entry.Level).Append("\">").Append(Html.E(entry.Heading)).Append("</li>");
        }

        html.Append("</ul><details><summary>报告全文</summary><pre class=\"report\">").Append(Html.E(report.Text)).Append("</pre></details></section>");
    }

    // A section the report lacks has no count (null), which is not the same as an empty one (0 字).
    private static string SectionWords(int? count) => count is { } words ? $"{words} 字" : "缺失";

    private static void AppendSimilar(StringBuilder html, IReadOnlyList<SearchHit> similar)
    {
        html.Append("<section class=\"card\" id=\"similar\"><h2>相似案例</h2>");
        if (similar.Count == 0)
        {
            html.Append("<p>没有相似案例。</p>");
        }

        html.Append("<ul>");
        foreach (var hit in similar)
        {
            html.Append("<li><a href=\"/cases/").Append(Html.Url(hit.SubmissionId)).Append("\">").Append(Html.E(hit.Title ?? hit.SubmissionId))
                .Append("</a> <span class=\"meta\">")
                // The number first: a resubmitted or copied case has the same title, and only the number tells them apart.
                .Append(Html.E(string.Join(" · ", new[] { hit.SubmissionId, hit.Applicant, hit.Type, hit.Edition is { } e ? $"第{e}届" : null }
                    .Where(part => !string.IsNullOrEmpty(part))))).Append("</span></li>");
        }

        html.Append("</ul></section>");
    }

    // An empty field says so: a blank cell reads as "not loaded" as easily as "not filled in".
    private static void Row(StringBuilder html, string label, string? value) =>
        html.Append("<tr><th>").Append(label).Append("</th><td>")
            .Append(string.IsNullOrWhiteSpace(value) ? "<span class=\"meta\">（未填写）</span>" : Html.E(value)).Append("</td></tr>");
}
