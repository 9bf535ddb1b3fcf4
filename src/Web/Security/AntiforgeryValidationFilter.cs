using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

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
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "防伪令牌无效或缺失，请刷新页面后重试。");
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
