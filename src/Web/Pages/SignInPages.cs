using CaseIngest.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Web.Pages;

/// <summary>Sign-in, sign-out and the "not allowed" page.</summary>
internal static class SignInPages
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/login", (HttpContext http, string? returnUrl, PageLayout layout) =>
            layout.Render(http, "登录", Form(http, layout, returnUrl, error: null))).AllowAnonymous();

        pages.MapPost("/login", async (HttpContext http, PageLayout layout, UserDirectory users, ILogger<UserDirectory> logger) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            var principal = users.SignIn(form["name"], form["password"]);
            if (principal is null)
            {
                logger.SignInFailed(form["name"].ToString(), http.Connection.RemoteIpAddress);
                return layout.Render(http, "登录", Form(http, layout, returnUrl, "用户名或密码不正确。"), StatusCodes.Status401Unauthorized);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            logger.SignedIn(principal.Identity!.Name);
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/search");
        }).AllowAnonymous().RequireRateLimiting(AuthServiceCollectionExtensions.SignInRateLimit);

        pages.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });

        pages.MapGet("/denied", (HttpContext http, PageLayout layout) =>
            layout.Render(http, "无权访问", "<section class=\"card\"><h1>无权访问</h1><p>您的角色不能查看或修改这一内容。</p>"
                + "<p><a href=\"/search\">返回案例检索</a></p></section>", StatusCodes.Status403Forbidden));
    }

    // Only same-site paths: an open redirect after sign-in would hand a signed-in user to another site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static string Form(HttpContext http, PageLayout layout, string? returnUrl, string? error) =>
        $"""
        <section class="card login"><h1>智慧企业案例库</h1><p>请登录后查看案例。</p>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
        <form method="post" action="/login">{layout.AntiforgeryField(http)}
        <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
        <label for="name">用户名</label><input id="name" name="name" autocomplete="username" required>
        <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <p><button type="submit">登录</button></p></form></section>
        """;
}
