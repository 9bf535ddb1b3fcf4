using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Exports;
using CaseIngest.Web.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>Intake at a glance: verdicts per edition, the latest failures, the dead-letter queue.</summary>
internal static class IntakePage
{
    private const int LatestFailures = 10;

    /// <summary>What the page says when no broker is configured (the embedded default) or it cannot be asked.</summary>
    public const string NoDeadLetterCount = "无法统计（未接入消息队列）";
    private static readonly string[] s_verdicts = [.. Enum.GetValues<Verdict>().Select(CaseRecordJson.Name)];

    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/intake", async (HttpContext http, IntakeSummaryQuery query, PageLayout layout, CancellationToken ct) =>
        {
            var summary = await query.GetAsync(LatestFailures, ct);
            var html = new StringBuilder("<h1>受理情况</h1><section class=\"card\" id=\"verdicts\"><h2>各届审查结论</h2>");
            html.Append("<p>共 ").Append(summary.Total).Append(" 个申报包 · 重试后仍失败、待重放的申报包（死信队列）：<strong id=\"dead-letters\">")
                .Append(summary.DeadLetterCount is { } dead ? dead.ToString(CultureInfo.InvariantCulture) + " 个" : NoDeadLetterCount).Append("</strong>")
                .Append(" · <a id=\"export-verdicts\" href=\"/api/intake/verdicts.xlsx\" download>导出全部结论（Excel）</a></p>");
            html.Append("<table><thead><tr><th>届次</th><th>合计</th>");
            foreach (var verdict in s_verdicts)
            {
                html.Append("<th>").Append(ExportLabels.Verdict(verdict)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var edition in summary.Editions)
            {
                html.Append("<tr><td>第").Append(edition.Edition).Append("届</td><td>").Append(edition.Total).Append("</td>");
                foreach (var verdict in s_verdicts)
                {
                    html.Append("<td data-verdict=\"").Append(verdict).Append("\">")
                        .Append(edition.Verdicts.TryGetValue(verdict, out var count) ? count : 0).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table></section>");
            AppendRecommenders(html, summary.Editions);
            html.Append("<section class=\"card\" id=\"failures\"><h2>最近处理失败的申报包</h2>");
            if (summary.LatestFailures.Count == 0)
            {
                html.Append("<p>没有处理失败的申报包。</p>");
            }

            foreach (var failure in summary.LatestFailures)
            {
                html.Append("<div class=\"hit\"><h3><a href=\"/cases/").Append(Html.Url(failure.SubmissionId)).Append("\">")
                    .Append(Html.E(failure.SubmissionId)).Append("</a></h3><div class=\"meta\">").Append(Html.E(failure.Recommender))
                    .Append(failure.SubmittedAt is { } at ? " · 提交于 " + at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "")
                    .Append("</div><ul>");
                foreach (var reason in failure.Reasons)
                {
                    html.Append("<li data-code=\"").Append(Html.E(reason.Code)).Append("\">").Append(Html.E(reason.Name)).Append('：')
                        .Append(Html.E(reason.Message)).Append("</li>");
                }

                html.Append("</ul></div>");
            }

            html.Append("</section>");
            return layout.Render(http, "受理情况", html.ToString());
        }).RequireAuthorization(Policies.Intake);
    }

    /// <summary>Per edition, each recommender's submissions against its quota (四(一)) and the late ones (四(三)).</summary>
    private static void AppendRecommenders(StringBuilder html, IReadOnlyList<EditionVerdicts> editions)
    {
        html.Append("<section class=\"card\" id=\"recommenders\"><h2>各推荐单位报送与名额</h2>");
        foreach (var edition in editions.Where(e => e.Recommenders.Count > 0))
        {
            html.Append("<h3>第").Append(edition.Edition).Append("届</h3><table data-edition=\"").Append(edition.Edition)
                .Append("\"><thead><tr><th>推荐单位</th><th>已报送</th><th>名额内</th><th>超出名额</th><th>逾期提交</th></tr></thead><tbody>");
            foreach (var row in edition.Recommenders)
            {
                var search = $"/search?edition={edition.Edition}&recommender={Uri.EscapeDataString(row.Recommender)}";
                html.Append("<tr data-recommender=\"").Append(Html.E(row.Recommender)).Append("\"><td><a href=\"").Append(Html.E(search)).Append("\">")
                    .Append(Html.E(row.Recommender)).Append("</a></td><td data-count=\"submitted\">").Append(row.Submitted)
                    .Append("</td><td data-count=\"within\">").Append(row.WithinQuota)
                    .Append("</td><td data-count=\"over\"").Append(row.OverQuota > 0 ? " class=\"warn\"" : "").Append('>').Append(row.OverQuota)
                    .Append("</td><td data-count=\"late\"").Append(row.Late > 0 ? " class=\"warn\"" : "").Append('>').Append(row.Late)
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }
}
