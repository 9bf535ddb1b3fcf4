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
                const string message = "防伪令牌无效或缺失，请刷新页面后重试。";
                // A stale form (signed in again in another tab, a page left open overnight) gets a page, not raw JSON.
                return Auth.AuthServiceCollectionExtensions.IsApiRequest(http.Request)
                    ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: message)
                    : http.RequestServices.GetRequiredService<PageLayout>().Render(http, "请刷新页面",
                        $"<section class=\"card\"><h1>请刷新页面</h1><p class=\"error\">{message}</p>"
                        + "<p><a href=\"/search\">返回案例检索</a></p></section>", StatusCodes.Status400BadRequest);
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
