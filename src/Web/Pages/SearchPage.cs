using System.Globalization;
using System.Text;
using CaseIngest.Search;
using CaseIngest.Web.Api;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>One query box, facets that narrow, highlighted hits, sorting and paging.</summary>
internal static class SearchPage
{
    private static readonly (string Facet, string Label, string Parameter)[] s_facets =
    [
        (SearchFacets.Type, "案例类型", "type"),
        (SearchFacets.Edition, "届次", "edition"),
        (SearchFacets.Recommender, "推荐单位", "recommender"),
        (SearchFacets.Verdict, "审查结论", "verdict"),
        (SearchFacets.FindingCode, "问题代码", "finding"),
    ];

    private static readonly (string Sort, string Label)[] s_sorts =
    [
        (SearchSorts.Relevance, "相关度"), (SearchSorts.SubmittedAt, "提交时间"), (SearchSorts.Rating, "编辑评分"),
    ];

    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/", () => Results.Redirect("/search"));
        pages.MapGet("/search", async (HttpContext http, [AsParameters] SearchRequest request, VisibleCases index, PageLayout layout,
            CancellationToken ct) =>
        {
            if (!PageLayout.InRole(http.User, Policies.Browse))
            {
                // Where sign-in lands: experts work from the cases assigned to them.
                return Results.Redirect("/expert");
            }

            var result = await index.SearchAsync(request.ToQuery(), ct);
            return layout.Render(http, string.IsNullOrWhiteSpace(request.Q) ? "案例检索" : request.Q, Render(request, result));
        });
    }

    private static string Render(SearchRequest request, SearchResult result)
    {
        var html = new StringBuilder();
        html.Append("<form class=\"search-box\" method=\"get\" action=\"/search\" role=\"search\">")
            .Append("<input type=\"search\" name=\"q\" aria-label=\"检索词\" placeholder=\"输入关键词，如：供应链、数字孪生、“智能制造”\" value=\"")
            .Append(Html.E(request.Q)).Append("\">");
        foreach (var (_, _, parameter) in s_facets)
        {
            var value = Value(request, parameter);
            if (value is not null)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(parameter).Append("\" value=\"").Append(Html.E(value)).Append("\">");
            }
        }

        html.Append("<select name=\"sort\" aria-label=\"排序\">");
        foreach (var (sort, label) in s_sorts)
        {
            html.Append("<option value=\"").Append(sort).Append('"').Append(sort == request.SortOrder ? " selected" : "")
                .Append('>').Append(label).Append("</option>");
        }

        html.Append("</select><button type=\"submit\">检索</button></form>");
        html.Append("<div class=\"layout\"><aside class=\"card facet\" aria-label=\"筛选\">");
        foreach (var (facet, label, parameter) in s_facets)
        {
            if (!result.Facets.TryGetValue(facet, out var counts) || counts.Count == 0)
            {
                continue;
            }

            html.Append("<h3>").Append(label).Append("</h3><ul data-facet=\"").Append(facet).Append("\">");
            var selected = Value(request, parameter);
            foreach (var count in counts)
            {
                var active = count.Value == selected;
                var link = Link(request, parameter, active ? null : count.Value, page: 1);
                html.Append("<li><a href=\"").Append(Html.E(link)).Append('"').Append(active ? " class=\"active\"" : "").Append('>')
                    .Append(Html.E(FacetLabel(facet, count.Value))).Append(" (").Append(count.Count).Append(")</a></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</aside><section class=\"card results\"><p class=\"meta\" id=\"total\">共 ").Append(result.Total)
            .Append(" 个案例</p>");
        foreach (var hit in result.Hits)
        {
            html.Append("<div class=\"hit\"><h3><a href=\"/cases/").Append(Html.Url(hit.SubmissionId)).Append("\">")
                .Append(Html.E(hit.Title ?? hit.SubmissionId)).Append("</a> <span class=\"badge v-").Append(Html.E(hit.Verdict)).Append("\">")
                .Append(Html.E(ExportLabels.Verdict(hit.Verdict ?? ""))).Append("</span></h3><div class=\"meta\">")
                .Append(Html.E(hit.SubmissionId)).Append(" · ").Append(Html.E(hit.Applicant)).Append(" · ").Append(Html.E(hit.Type ?? "类型未定"))
                .Append(" · 推荐：").Append(Html.E(hit.Recommender)).Append(hit.Edition is { } e ? $" · 第{e}届" : "")
                .Append(hit.SubmittedAt is { } at ? " · " + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "").Append("</div>");
            foreach (var snippet in hit.Highlights)
            {
                // Snippets come from the index already HTML-escaped, with only <em> marks added (ISearchIndex's contract).
                html.Append("<p class=\"snippet\">…").Append(snippet).Append("…</p>");
            }

            html.Append("</div>");
        }

        if (result.Hits.Count == 0)
        {
            html.Append("<p>没有符合条件的案例。</p>");
        }

        AppendPager(html, request, result.Total);
        html.Append("</section></div>");
        return html.ToString();
    }

    private static void AppendPager(StringBuilder html, SearchRequest request, long total)
    {
        var pages = (int)Math.Ceiling(total / (double)request.Size);
        if (pages <= 1)
        {
            return;
        }

        html.Append("<nav class=\"pager\" aria-label=\"分页\">");
        if (request.PageNumber > 1)
        {
            html.Append("<a href=\"").Append(Html.E(Link(request, null, null, request.PageNumber - 1))).Append("\">上一页</a>");
        }

        html.Append("<span>第 ").Append(request.PageNumber).Append(" / ").Append(pages).Append(" 页</span>");
        if (request.PageNumber < pages)
        {
            html.Append("<a href=\"").Append(Html.E(Link(request, null, null, request.PageNumber + 1))).Append("\">下一页</a>");
        }

        html.Append("</nav>");
    }

    private static string FacetLabel(string facet, string value) => facet switch
    {
        SearchFacets.Verdict => ExportLabels.Verdict(value),
        SearchFacets.FindingCode => $"{ExportLabels.Finding(value)}（{value}）",
        SearchFacets.Edition => $"第{value}届",
        _ => value,
    };

    private static string? Value(SearchRequest request, string parameter) => parameter switch
    {
        "type" => request.Type,
        "edition" => request.Edition?.ToString(CultureInfo.InvariantCulture),
        "recommender" => request.Recommender,
        "verdict" => request.Verdict,
        "finding" => request.Finding,
        _ => null,
    };

    /// <summary>The current search with one filter changed (null value: removed) and a page.</summary>
    private static string Link(SearchRequest request, string? parameter, string? value, int page)
    {
        string? Pick(string name) => name == parameter ? value : Value(request, name);
        return "/search" + Html.Query(
        [
            ("q", request.Q), ("type", Pick("type")), ("edition", Pick("edition")), ("recommender", Pick("recommender")),
            ("verdict", Pick("verdict")), ("finding", Pick("finding")),
            ("sort", request.SortOrder == SearchSorts.Relevance ? null : request.SortOrder),
            ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
        ]);
    }
}
