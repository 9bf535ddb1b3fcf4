using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Auth;

/// <summary>Every request's session checked against the users as configured now: a removed user (or one whose password
/// changed) is signed out, a demoted one has the new role at once, and no session outlives
/// <see cref="AuthOptions.SessionAbsoluteMinutes"/> however active it is.</summary>
internal sealed class SessionChecks(UserDirectory users, IOptionsMonitor<AuthOptions> options, TimeProvider clock,
    ILogger<SessionChecks> logger)
{
    // The sign-in instant: the cookie handler's IssuedUtc moves with every sliding renewal, this does not.
    private const string SignedInAtItem = "caseingest.signedInAt";

    /// <summary>The properties a new sign-in starts with.</summary>
    public AuthenticationProperties NewSession() => new(new Dictionary<string, string?>
    {
        [SignedInAtItem] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
    });

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var user = users.Current(name);
        var reason = user is null ? "removed"
            : principal!.FindFirstValue(UserDirectory.StampClaim) != UserDirectory.Stamp(user) ? "password changed"
            : SignedInAt(context.Properties) is not { } signedInAt
              || clock.GetUtcNow() - signedInAt >= TimeSpan.FromMinutes(options.CurrentValue.SessionAbsoluteMinutes) ? "expired"
            : null;
        if (reason is not null)
        {
            logger.SessionEnded(name, reason);
            context.RejectPrincipal();
            // Removes the stored session too, not only this request's view of it.
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        if (!principal!.IsInRole(user!.Role))
        {
            logger.SessionRoleChanged(name, principal.FindFirstValue(ClaimTypes.Role), user.Role);
            context.ReplacePrincipal(UserDirectory.Principal(name!, user));
            context.ShouldRenew = true;
        }
    }

    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
