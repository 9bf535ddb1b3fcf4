using CaseIngest.Web.Auth;
using CaseIngest.Web.Security;
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

        pages.MapPost("/login", async (HttpContext http, PageLayout layout, UserDirectory users, SignInThrottle throttle,
            SessionChecks sessions, ILogger<UserDirectory> logger) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            var name = form["name"].ToString();
            var address = http.Connection.RemoteIpAddress?.ToString();
            // Checked before the password, so a locked account cannot be probed for the right one.
            if (throttle.RetryAfter(name, address) is { } wait)
            {
                logger.SignInThrottled(name, http.Connection.RemoteIpAddress, wait);
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return layout.Render(http, "登录", Form(http, layout, returnUrl,
                    $"登录失败次数过多，请于 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试。"), StatusCodes.Status429TooManyRequests);
            }

            var principal = users.SignIn(name, form["password"]);
            if (principal is null)
            {
                throttle.Failed(name, address);
                logger.SignInFailed(name, http.Connection.RemoteIpAddress);
                return layout.Render(http, "登录", Form(http, layout, returnUrl, "用户名或密码不正确。"), StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(name);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, sessions.NewSession());
            logger.SignedIn(principal.Identity!.Name);
            return Results.Redirect(ReturnUrls.IsLocal(returnUrl) ? returnUrl : "/search");
        }).AllowAnonymous();

        // Removes the session from the server's store: a copy of the cookie is refused afterwards.
        pages.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });

        pages.MapGet("/denied", (HttpContext http, PageLayout layout) =>
            layout.Render(http, "无权访问", "<section class=\"card\"><h1>无权访问</h1><p>您的角色不能查看或修改这一内容。</p>"
                + "<p><a href=\"/search\">返回案例检索</a></p></section>", StatusCodes.Status403Forbidden));
    }

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
