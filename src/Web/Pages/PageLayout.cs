using System.Security.Claims;
using System.Text;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CaseIngest.Web.Pages;

/// <summary>The frame of every page: navigation by role, the sign-out form, and the anti-forgery field for forms.</summary>
internal sealed class PageLayout(IAntiforgery antiforgery)
{
    /// <summary>A hidden field with this request's anti-forgery token, for every form that changes something.</summary>
    public string AntiforgeryField(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{AntiforgerySetup.FormFieldName}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    public IResult Render(HttpContext http, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var user = http.User;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(title)).Append(" · 智慧企业案例库</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(PageAssets.StylesheetPath).Append("\"></head><body>");
        if (user.Identity?.IsAuthenticated == true)
        {
            var home = InRole(user, Policies.Browse) ? "/search" : "/expert";
            page.Append("<header class=\"top\"><a class=\"brand\" href=\"").Append(home).Append("\">智慧企业案例库</a>");
            if (InRole(user, Policies.Browse))
            {
                page.Append("<a href=\"/search\">案例检索</a><a href=\"/review\">合规性审查</a>");
            }

            if (InRole(user, Policies.Score))
            {
                page.Append("<a href=\"/expert\">我的评审</a>");
            }

            if (InRole(user, Policies.EvaluationResults))
            {
                page.Append("<a href=\"/evaluation\">专家评审</a>");
            }
            if (InRole(user, Policies.Casebook))
            {
                page.Append("<a href=\"/casebook\">案例集</a>");
            }

            if (InRole(user, Policies.Intake))
            {
                page.Append("<a href=\"/intake\">受理情况</a>");
            }

            page.Append("<span class=\"spacer\"></span><span class=\"user\">").Append(Html.E(user.Identity.Name)).Append('（')
                .Append(RoleName(user.FindFirstValue(ClaimTypes.Role))).Append("）</span>")
                .Append("<form method=\"post\" action=\"/logout\">").Append(AntiforgeryField(http))
                .Append("<button type=\"submit\">退出</button></form></header>");
        }

        page.Append("<main>").Append(body).Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static bool InRole(ClaimsPrincipal user, string policy) => Policies.RolesByPolicy[policy].Any(user.IsInRole);

    public static string RoleName(string? role) => role switch
    {
        Roles.Reviewer => "审查员",
        Roles.Editor => "编辑",
        Roles.Admin => "管理员",
        Roles.Expert => "评审专家",
        _ => role ?? "",
    };
}
