using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>The case report, one anchor per paragraph (<c>#p-N</c>, N the 0-based line of <c>report.text</c>, as the
/// coverage evidence names it), so that an evidence link lands on its paragraph, highlighted.</summary>
internal static class ReportViewPage
{
    public static void Map(IEndpointRouteBuilder pages) =>
        pages.MapGet("/cases/{id}/report", async (HttpContext http, string id, VisibleCases index, PageLayout layout, CancellationToken ct) =>
        {
            var record = await index.GetAsync(id, ct);
            if (record?.Report?.Text is null)
            {
                return layout.Render(http, "报告不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 没有可显示的报告</h1></section>", 404);
            }

            return layout.Render(http, "案例报告 · " + CaseFacts.Title(record), Render(record, record.Report));
        });

    private static string Render(CaseRecord record, ReportSection report)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"card report-view\"><p><a href=\"/cases/").Append(Html.Url(record.SubmissionId)).Append("\">← 返回案例</a></p><h1>")
            .Append(Html.E(report.Title ?? CaseFacts.Title(record))).Append("</h1>");
        var next = 0;
        var lines = report.Text!.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var anchor = "p-" + i.ToString(CultureInfo.InvariantCulture);
            if (next < report.Outline.Count && line == report.Outline[next].Heading.Trim())
            {
                var tag = "h" + Math.Min(report.Outline[next++].Level + 1, 4).ToString(CultureInfo.InvariantCulture);
                html.Append('<').Append(tag).Append(" id=\"").Append(anchor).Append("\">").Append(Html.E(line)).Append("</").Append(tag).Append('>');
                continue;
            }

            html.Append("<p id=\"").Append(anchor).Append("\"><a class=\"pn\" href=\"#").Append(anchor).Append("\">").Append(i + 1).Append("</a>")
                .Append(Html.E(line)).Append("</p>");
        }

        return html.Append("</section>").ToString();
    }
}
