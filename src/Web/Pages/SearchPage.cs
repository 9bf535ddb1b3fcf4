using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Api;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>One query box with the scope it searches, facets that narrow (the top values, the rest behind "更多"), a
/// switch to what still waits for a person, highlighted hits, sorting, page size and a jump to any page.</summary>
internal static class SearchPage
{
    /// <summary>Facet values shown before "更多": a recommender facet lists a hundred units in an edition.</summary>
    public const int FacetValuesShown = 5;

    private static readonly (string Facet, string Label, string Parameter)[] s_facets =
    [
        (SearchFacets.ReviewState, "审查状态", "state"),
        (SearchFacets.Type, "案例类型", "type"),
        (SearchFacets.Edition, "届次", "edition"),
        (SearchFacets.Recommender, "推荐单位", "recommender"),
        (SearchFacets.Verdict, "系统结论", "verdict"),
        (SearchFacets.FindingCode, "审查发现的问题", "finding"),
    ];

    private static readonly (string Sort, string Label)[] s_sorts =
    [
        (SearchSorts.Relevance, "按相关度"), (SearchSorts.SubmittedAt, "按提交时间"), (SearchSorts.Rating, "按编辑评分"),
    ];

    private static readonly (string Scope, string Label)[] s_scopes =
    [
        (SearchScopes.Report, "案例报告与申报表"), (SearchScopes.Findings, "审查发现"),
        (SearchScopes.Pages, "盖章页识别文字"), (SearchScopes.Classification, "分类依据词"),
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
            .Append(Html.E(request.Q)).Append("\"><select name=\"scope\" aria-label=\"检索范围\">");
        foreach (var (scope, label) in s_scopes)
        {
            html.Append("<option value=\"").Append(scope).Append('"').Append(scope == request.SearchScope ? " selected" : "")
                .Append(">在").Append(label).Append("中</option>");
        }

        html.Append("</select>");
        foreach (var (_, _, parameter) in s_facets)
        {
            AppendHidden(html, parameter, Value(request, parameter));
        }

        AppendHidden(html, "waiting", request.OnlyWaiting ? "true" : null);
        AppendHidden(html, "pageSize", request.Size == SearchRequest.DefaultPageSize ? null : request.Size.ToString(CultureInfo.InvariantCulture));
        html.Append("<select name=\"sort\" aria-label=\"排序\">");
        foreach (var (sort, label) in s_sorts)
        {
            html.Append("<option value=\"").Append(sort).Append('"').Append(sort == request.SortOrder ? " selected" : "")
                .Append('>').Append(label).Append("</option>");
        }

        html.Append("</select><button type=\"submit\">检索</button></form>");
        html.Append("<div class=\"layout\"><aside class=\"card facet\" aria-label=\"筛选\">");
        AppendWaitingSwitch(html, request, result);
        foreach (var (facet, label, parameter) in s_facets)
        {
            if (result.Facets.TryGetValue(facet, out var counts) && counts.Count > 0)
            {
                AppendFacet(html, request, facet, label, parameter, counts);
            }
        }

        html.Append("</aside><section class=\"card results\"><p class=\"meta\" id=\"total\">共 ").Append(result.Total).Append(" 个案例");
        if (request.SearchScope != SearchScopes.Report)
        {
            html.Append("（在").Append(ScopeLabel(request.SearchScope)).Append("中检索）");
        }

        html.Append("</p>");
        foreach (var hit in result.Hits)
        {
            AppendHit(html, request, hit);
        }

        AppendEmpty(html, request, result);
        AppendPager(html, request, result.Total);
        html.Append("</section></div>");
        return html.ToString();
    }

    private static void AppendHit(StringBuilder html, SearchRequest request, SearchHit hit)
    {
        // The title and snippets come from the index already HTML-escaped, with only <em> marks added (ISearchIndex's contract).
        // A package that could not be read has no title: its number, said so, is still a link to open it by.
        var title = !string.IsNullOrEmpty(hit.TitleMarked) ? hit.TitleMarked
            : !string.IsNullOrEmpty(hit.Title) ? Html.E(hit.Title) : Html.E(hit.SubmissionId) + "（未能读取案例名称）";
        // Only the facts the case has, each once: no "· ·" where an applicant could not be read.
        var meta = new[]
        {
            hit.SubmissionId, hit.Applicant, hit.Type ?? "类型未定", string.IsNullOrEmpty(hit.Recommender) ? null : "推荐：" + hit.Recommender,
            hit.Edition is { } e ? $"第{e}届" : null,
            hit.SubmittedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Where(part => !string.IsNullOrEmpty(part));
        html.Append("<div class=\"hit\" data-id=\"").Append(Html.E(hit.SubmissionId)).Append("\"><h3><a href=\"/cases/")
            .Append(Html.Url(hit.SubmissionId)).Append("\">").Append(title).Append("</a> ")
            .Append(StateBadge(hit)).Append("</h3><div class=\"meta\">").Append(Html.E(string.Join(" · ", meta))).Append("</div>");
        var label = request.SearchScope == SearchScopes.Report ? null : ScopeLabel(request.SearchScope);
        foreach (var snippet in hit.Highlights)
        {
            html.Append("<p class=\"snippet\">");
            if (label is not null)
            {
                html.Append("<span class=\"badge\">").Append(label).Append("</span> ");
            }

            html.Append(snippet).Append("</p>");
        }

        html.Append("</div>");
    }

    /// <summary>The state that counts: a person's decision where there is one, else the machine's verdict and that it waits.</summary>
    private static string StateBadge(SearchHit hit)
    {
        var verdict = hit.Verdict ?? "";
        var decided = hit.ReviewState is "compliant" or "non_compliant" or "returned";
        return decided
            ? $"<span class=\"badge s-{Html.E(hit.ReviewState)}\">{ReviewLabels.State(hit.ReviewState!)}</span>"
            : $"<span class=\"badge v-{Html.E(verdict)}\">{ExportLabels.Verdict(verdict)}</span> <span class=\"badge waiting\">待人工决定</span>";
    }

    /// <summary>What still waits for a person (no decision yet), as a switch with its count under the other filters.</summary>
    private static void AppendWaitingSwitch(StringBuilder html, SearchRequest request, SearchResult result)
    {
        var waitingStates = ReviewRules.Waiting.Select(CaseRecordJson.Name).ToHashSet(StringComparer.Ordinal);
        var waiting = result.Facets.TryGetValue(SearchFacets.ReviewState, out var states)
            ? states.Where(s => waitingStates.Contains(s.Value)).Sum(s => s.Count)
            : 0;
        html.Append("<p id=\"waiting\"><a href=\"").Append(Html.E(Link(request, "waiting", request.OnlyWaiting ? null : "true", 1)))
            .Append('"').Append(request.OnlyWaiting ? " class=\"active\"" : "").Append('>')
            .Append(request.OnlyWaiting ? "☑ 只看待人工决定" : "☐ 只看待人工决定");
        if (!request.OnlyWaiting || string.IsNullOrEmpty(request.State))
        {
            html.Append('（').Append(waiting).Append('）');
        }

        html.Append("</a></p>");
    }

    private static void AppendFacet(StringBuilder html, SearchRequest request, string facet, string label, string parameter,
        IReadOnlyList<FacetCount> counts)
    {
        var selected = Value(request, parameter);
        // The selected value stays in sight even when it is not among the most frequent.
        var shown = counts.Take(FacetValuesShown).ToList();
        if (selected is not null && counts.FirstOrDefault(c => c.Value == selected) is { } chosen && !shown.Contains(chosen))
        {
            shown.Add(chosen);
        }

        var more = counts.Where(c => !shown.Contains(c)).ToList();
        html.Append("<h3>").Append(label).Append("</h3><ul data-facet=\"").Append(facet).Append("\">");
        foreach (var count in shown)
        {
            AppendFacetValue(html, request, facet, parameter, selected, count);
        }

        html.Append("</ul>");
        if (more.Count > 0)
        {
            html.Append("<details class=\"more\" data-facet=\"").Append(facet).Append("\"><summary>更多（").Append(more.Count)
                .Append(" 项）</summary><ul data-facet=\"").Append(facet).Append("\">");
            foreach (var count in more)
            {
                AppendFacetValue(html, request, facet, parameter, selected, count);
            }

            html.Append("</ul></details>");
        }
    }

    private static void AppendFacetValue(StringBuilder html, SearchRequest request, string facet, string parameter, string? selected,
        FacetCount count)
    {
        var active = count.Value == selected;
        var link = Link(request, parameter, active ? null : count.Value, page: 1);
        html.Append("<li><a href=\"").Append(Html.E(link)).Append('"').Append(active ? " class=\"active\"" : "").Append('>')
            .Append(Html.E(FacetLabel(facet, count.Value))).Append(" (").Append(count.Count).Append(")</a></li>");
    }

    private static void AppendEmpty(StringBuilder html, SearchRequest request, SearchResult result)
    {
        if (result.Hits.Count > 0)
        {
            return;
        }

        var pages = Pages(request, result.Total);
        if (result.Total == 0)
        {
            html.Append("<p id=\"no-hits\">没有符合条件的案例。").Append(request.SearchScope == SearchScopes.Report
                ? "审查发现、盖章页识别文字和分类依据词不在此范围内，可在检索框旁改选范围。" : "").Append("</p>");
        }
        else if (request.BeyondReach)
        {
            html.Append("<p class=\"error\" id=\"out-of-range\">第 ").Append(request.PageNumber).Append(" 页超出可翻阅范围：每页 ")
                .Append(request.Size).Append(" 个时最多翻到第 ").Append(Math.Min(pages, request.DeepestPage))
                .Append(" 页。请用左侧筛选或更多检索词缩小范围。 <a href=\"")
                .Append(Html.E(Link(request, null, null, Math.Min(pages, request.DeepestPage)))).Append("\">转到第 ")
                .Append(Math.Min(pages, request.DeepestPage)).Append(" 页</a></p>");
        }
        else
        {
            html.Append("<p class=\"error\" id=\"out-of-range\">第 ").Append(request.PageNumber).Append(" 页超出范围：共 ").Append(pages)
                .Append(" 页。 <a href=\"").Append(Html.E(Link(request, null, null, pages))).Append("\">转到最后一页（第 ").Append(pages)
                .Append(" 页）</a></p>");
        }
    }

    private static int Pages(SearchRequest request, long total) =>
        (int)Math.Min(int.MaxValue, (total + request.Size - 1) / request.Size);

    private static void AppendPager(StringBuilder html, SearchRequest request, long total)
    {
        var pages = Math.Min(Pages(request, total), request.DeepestPage);
        if (total == 0)
        {
            return;
        }

        var current = request.PageNumber;
        html.Append("<nav class=\"pager\" aria-label=\"分页\">");
        if (current > 1 && current <= pages)
        {
            html.Append("<a href=\"").Append(Html.E(Link(request, null, null, current - 1))).Append("\" rel=\"prev\">上一页</a>");
        }

        // The first, the last and two either side of the current page; gaps shown as "…".
        var shown = new SortedSet<int> { 1, pages };
        for (var p = Math.Max(1, current - 2); p <= Math.Min(pages, current + 2); p++)
        {
            shown.Add(p);
        }

        var previous = 0;
        foreach (var p in shown.Where(p => p >= 1 && p <= pages))
        {
            if (p > previous + 1)
            {
                html.Append("<span class=\"gap\">…</span>");
            }

            html.Append(p == current
                ? $"<span class=\"current\" aria-current=\"page\">{p}</span>"
                : $"<a href=\"{Html.E(Link(request, null, null, p))}\">{p}</a>");
            previous = p;
        }

        if (current < pages)
        {
            html.Append("<a href=\"").Append(Html.E(Link(request, null, null, current + 1))).Append("\" rel=\"next\">下一页</a>");
        }

        // Jump to a page and choose the page size: a plain GET form carrying the search, no script.
        html.Append("<form class=\"inline jump\" method=\"get\" action=\"/search\">");
        foreach (var (name, value) in Pairs(request, null, null).Where(p => p.Name is not ("page" or "pageSize")))
        {
            AppendHidden(html, name, value);
        }

        html.Append("<label>跳至第 <input type=\"number\" name=\"page\" min=\"1\" max=\"").Append(pages).Append("\" value=\"")
            .Append(Math.Min(current, Math.Max(1, pages))).Append("\" aria-label=\"页码\"> 页（共 ").Append(pages).Append(" 页）</label> ")
            .Append("<label>每页 <select name=\"pageSize\" aria-label=\"每页个数\">");
        foreach (var size in SearchRequest.PageSizes)
        {
            html.Append("<option").Append(size == request.Size ? " selected" : "").Append('>').Append(size).Append("</option>");
        }

        html.Append("</select> 个</label> <button type=\"submit\">转到</button></form></nav>");
    }

    private static string FacetLabel(string facet, string value) => facet switch
    {
        SearchFacets.Verdict => ExportLabels.Verdict(value),
        SearchFacets.ReviewState => ReviewLabels.State(value),
        SearchFacets.FindingCode => ExportLabels.Finding(value),
        SearchFacets.Edition => $"第{value}届",
        _ => value,
    };

    private static string ScopeLabel(string scope) => s_scopes.First(s => s.Scope == scope).Label;

    private static string? Value(SearchRequest request, string parameter) => parameter switch
    {
        "type" => request.Type,
        "edition" => request.Edition?.ToString(CultureInfo.InvariantCulture),
        "recommender" => request.Recommender,
        "verdict" => request.Verdict,
        "finding" => request.Finding,
        "state" => request.State,
        "waiting" => request.OnlyWaiting ? "true" : null,
        _ => null,
    };

    private static void AppendHidden(StringBuilder html, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Html.E(value)).Append("\">");
        }
    }

    /// <summary>The current search with one filter changed (null value: removed) and a page.</summary>
    private static string Link(SearchRequest request, string? parameter, string? value, int page) =>
        "/search" + Html.Query(Pairs(request, parameter, value).Where(p => p.Name != "page")
            .Append(("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)));

    private static IEnumerable<(string Name, string? Value)> Pairs(SearchRequest request, string? parameter, string? value)
    {
        string? Pick(string name) => name == parameter ? value : Value(request, name);
        return
        [
            ("q", request.Q), ("scope", request.SearchScope == SearchScopes.Report ? null : request.SearchScope),
            ("waiting", Pick("waiting")), ("state", Pick("state")), ("type", Pick("type")), ("edition", Pick("edition")),
            ("recommender", Pick("recommender")), ("verdict", Pick("verdict")), ("finding", Pick("finding")),
            ("sort", request.SortOrder == SearchSorts.Relevance ? null : request.SortOrder),
            ("pageSize", request.Size == SearchRequest.DefaultPageSize ? null : request.Size.ToString(CultureInfo.InvariantCulture)),
            ("page", request.PageNumber > 1 ? request.PageNumber.ToString(CultureInfo.InvariantCulture) : null),
        ];
    }
}
