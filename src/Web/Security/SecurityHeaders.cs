using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseIngest.Web.Security;

/// <summary>The headers every response carries, errors included: they are set just before the response starts, so the
/// exception handler clearing a failed response, a 404 from routing or a refused sign-in cannot lose them.</summary>
internal static class SecurityHeaders
{
    // Pages carry no scripts and no inline styles; seal outlines are SVG attributes.
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>Adds the headers; must come first in the pipeline, before the exception handler.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString cacheablePath) => app.Use(
        async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                // Pages, API answers, exports and page images can carry contacts and case data: no browser or proxy keeps
                // them (a shared computer's back button, a disk cache). Only the stylesheet may be cached.
                if (context.Request.Path != cacheablePath)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
