using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Auth;

/// <summary>Checks a name and password against <c>Auth:Users</c>.</summary>
internal sealed class UserDirectory(IOptionsMonitor<AuthOptions> options)
{
    // Verified against when the name is unknown, so that a wrong name costs as long as a wrong password.
    private static readonly string s_decoyHash = PasswordHashes.Hash("decoy-password-never-matches");

    public ClaimsPrincipal? SignIn(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (!options.CurrentValue.Users.TryGetValue(name, out var user))
        {
            PasswordHashes.Verify(password, s_decoyHash);
            return null;
        }

        if (!PasswordHashes.Verify(password, user.PasswordHash))
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }
}
