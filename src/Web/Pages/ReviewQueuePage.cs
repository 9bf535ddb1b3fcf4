using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Exports;
using CaseIngest.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Pages;

/// <summary>The review queue: what waits for a person, filtered by finding code, recommender, type and edition, with the
/// counts per state; each case opens with the queue's filter so that "保存并下一个" goes on through it; "accept the
/// machine's verdict" for the accepted and rejected cases of the page.</summary>
internal static class ReviewQueuePage
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/review", async (HttpContext http, [AsParameters] QueueFilter filter, ReviewQueue queue, PageLayout layout,
            IOptions<ReviewOptions> options, CancellationToken ct) =>
        {
            var page = await queue.PageAsync(filter, options.Value.QueuePageSize, http.User.IsInRole(Roles.Admin), ct);
            return layout.Render(http, "合规性审查", Render(http, layout, filter, page));
        }).RequireAuthorization(Policies.Browse);

        pages.MapPost("/review/accept", async (HttpContext http, ComplianceReviewService reviews, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var accepted = 0;
            foreach (var id in form["case"].OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if ((await reviews.AcceptMachineVerdictAsync(id, http.User, null, ct)).Record is not null)
                {
                    accepted++;
                }
            }

            return Results.Redirect("/review" + Html.Query([.. Filter(form).Pairs(), ("accepted", accepted.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }).RequireAuthorization(Policies.ReviewDecide);
    }

    /// <summary>The queue filter carried in a form's <c>queue.*</c> fields.</summary>
    public static QueueFilter Filter(IFormCollection form) => new(
        form["queue.finding"], form["queue.recommender"], form["queue.type"],
        int.TryParse(form["queue.edition"], out var edition) ? edition : null, form["queue.state"], null);

    /// <summary>The queue filter a case page was opened with (<see cref="CaseLink"/>'s query string).</summary>
    public static QueueFilter Filter(IQueryCollection query) => new(query["finding"], query["recommender"], query["type"],
        int.TryParse(query["edition"], out var edition) ? edition : null, query["state"], null);

    /// <summary>A case's link from the queue, carrying the filter.</summary>
    public static string CaseLink(string id, QueueFilter filter) =>
        $"/cases/{Html.Url(id)}" + Html.Query([("from", "queue"), .. filter.Pairs()]);

    private static string Render(HttpContext http, PageLayout layout, QueueFilter filter, QueuePage page)
    {
        var html = new StringBuilder();
        html.Append("<h1>合规性审查 · 待决定</h1>");
        if (http.Request.Query["accepted"] is { Count: > 0 } accepted)
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"accepted\">已采纳系统结论：").Append(Html.E(accepted.ToString())).Append(" 个案例。</p>");
        }

        if (http.Request.Query.ContainsKey("done"))
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"done\">队列已处理完。</p>");
        }

        // Counts per state under the same filters.
        html.Append("<nav class=\"card\" id=\"counts\" aria-label=\"各状态数量\"><ul class=\"inline\">");
        var states = new List<ReviewState>([.. ReviewRules.Queue, ReviewState.Compliant, ReviewState.NonCompliant, ReviewState.Returned]);
        if (http.User.IsInRole(Roles.Admin))
        {
            states.Insert(3, ReviewState.Failed);
        }

        html.Append("<li><a href=\"/review").Append(Html.E(Html.Query(filter.Pairs().Where(p => p.Name != "state")))).Append("\">全部待决定</a></li>");
        foreach (var state in states)
        {
            var code = CaseRecordJson.Name(state);
            html.Append("<li data-state=\"").Append(code).Append("\"><a href=\"/review")
                .Append(Html.E(Html.Query([.. filter.Pairs().Where(p => p.Name != "state"), ("state", code)]))).Append("\">")
                .Append(ReviewLabels.State(code)).Append(" <b>").Append(page.Counts.GetValueOrDefault(code)).Append("</b></a></li>");
        }

        html.Append("</ul></nav>");

        html.Append("<form class=\"card filters\" method=\"get\" action=\"/review\" id=\"queue-filters\">")
            .Append(Field("finding", "问题代码", filter.Finding)).Append(Field("recommender", "推荐单位", filter.Recommender))
            .Append(Field("type", "案例类型", filter.Type)).Append(Field("edition", "届次", filter.Edition?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append("<input type=\"hidden\" name=\"state\" value=\"").Append(Html.E(filter.State)).Append("\"><button type=\"submit\">筛选</button></form>");

        html.Append("<section class=\"card\"><p class=\"meta\">共 ").Append(page.Total).Append(" 个，第 ").Append(page.PageNumber).Append(" 页</p>");
        html.Append("<table id=\"queue\"><thead><tr><th>编号</th><th>案例名称</th><th>推荐单位</th><th>类型</th><th>状态</th></tr></thead><tbody>");
        foreach (var hit in page.Hits)
        {
            html.Append("<tr data-id=\"").Append(Html.E(hit.SubmissionId)).Append("\"><td><a href=\"").Append(Html.E(CaseLink(hit.SubmissionId, filter)))
                .Append("\">").Append(Html.E(hit.SubmissionId)).Append("</a></td><td>").Append(Html.E(hit.Title)).Append("</td><td>")
                .Append(Html.E(hit.Recommender)).Append("</td><td>").Append(Html.E(hit.Type)).Append("</td><td><span class=\"badge s-")
                .Append(Html.E(hit.ReviewState)).Append("\">").Append(ReviewLabels.State(hit.ReviewState ?? "")).Append("</span></td></tr>");
        }

        html.Append("</tbody></table>");
        var machine = page.Hits.Where(h => h.ReviewState is "accepted" or "rejected").ToList();
        if (machine.Count > 0 && PageLayout.InRole(http.User, Policies.ReviewDecide))
        {
            html.Append("<form method=\"post\" action=\"/review/accept\" id=\"accept-machine\">").Append(layout.AntiforgeryField(http));
            foreach (var hit in machine)
            {
                html.Append("<input type=\"hidden\" name=\"case\" value=\"").Append(Html.E(hit.SubmissionId)).Append("\">");
            }

            AppendQueueFields(html, filter);
            html.Append("<button type=\"submit\">本页采纳系统结论（").Append(machine.Count).Append(" 个：通过→合规，不合规→不合规）</button></form>");
        }

        if (page.Hits.Count > 0)
        {
            html.Append("<p><a id=\"start\" accesskey=\"n\" href=\"").Append(Html.E(CaseLink(page.Hits[0].SubmissionId, filter))).Append("\">从第一个开始审查（Alt+N）</a></p>");
        }

        if (page.Total > page.PageNumber * page.PageSize)
        {
            html.Append("<p><a href=\"/review").Append(Html.E(Html.Query([.. filter.Pairs(), ("page", (page.PageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))])))
                .Append("\">下一页</a></p>");
        }

        html.Append("<p><a href=\"/api/review/lists.xlsx\">导出审查名单（.xlsx）</a></p></section>");
        return html.ToString();
    }

    /// <summary>The queue filter as hidden <c>queue.*</c> fields.</summary>
    public static void AppendQueueFields(StringBuilder html, QueueFilter filter)
    {
        foreach (var (name, value) in filter.Pairs())
        {
            if (!string.IsNullOrEmpty(value))
            {
                html.Append("<input type=\"hidden\" name=\"queue.").Append(name).Append("\" value=\"").Append(Html.E(value)).Append("\">");
            }
        }
    }

    private static string Field(string name, string label, string? value) =>
        $"<label>{label} <input name=\"{name}\" value=\"{Html.E(value)}\"></label> ";
}
