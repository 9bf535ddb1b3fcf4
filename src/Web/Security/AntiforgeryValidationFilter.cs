using Microsoft.AspNetCore.Antiforgery;
using CaseIngest.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Web.Security;

/// <summary>Checks the anti-forgery token on every request that changes something (any method but GET/HEAD/OPTIONS):
/// a form field from the pages, or the <see cref="AntiforgerySetup.HeaderName"/> header from API clients.
/// One filter on the root group, so no change endpoint can be added without it.</summary>
internal sealed class AntiforgeryValidationFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                // A stale form (signed in again in another tab, a page left open overnight) gets a page, not raw JSON.
                const string title = "页面已过期";
                const string message = "这个页面打开太久，或您已在别处重新登录，表单已失效：刚才提交的内容没有保存。请返回原页面，刷新后重新填写提交。";
                var back = ReturnUrls.Referer(http.Request) ?? "/search";
                return Auth.AuthServiceCollectionExtensions.IsApiRequest(http.Request)
                    ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: "缺少或无效的防跨站令牌（X-CSRF-TOKEN）：请先从 /api/session 取得令牌。")
                    : http.RequestServices.GetRequiredService<PageLayout>().Render(http, title,
                        $"<section class=\"card error-page\" id=\"error\" data-status=\"400\"><h1>{title}</h1><p class=\"error\">{message}</p>"
                        + $"<p><a id=\"back\" href=\"{Html.E(back)}\">返回原页面</a> · <a href=\"/search\">案例检索</a></p></section>", StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}

/// <summary>Names the anti-forgery cookie, form field and header.</summary>
internal static class AntiforgerySetup
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string FormFieldName = "__RequestVerificationToken";
}
