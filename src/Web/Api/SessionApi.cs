using System.Security.Claims;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Api;

internal static class SessionApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/session", (HttpContext http, ClaimsPrincipal user, IAntiforgery antiforgery, VisibleCases cases) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return Results.Ok(new SessionInfo(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "",
                    cases.SeesContacts, AntiforgerySetup.HeaderName, tokens.RequestToken ?? ""));
            })
            .WithTags("session")
            .WithSummary("Who is signed in, and the anti-forgery token to send in the X-CSRF-TOKEN header with every change")
            .Produces<SessionInfo>();
    }
}

/// <summary>The signed-in user and the anti-forgery token for changes.</summary>
internal sealed record SessionInfo(string Name, string Role, bool SeesContacts, string AntiforgeryHeader, string AntiforgeryToken);
