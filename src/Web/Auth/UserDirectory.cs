using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Auth;

/// <summary>Checks a name and password against <c>Auth:Users</c>, and tells a session who its user is now.</summary>
internal sealed class UserDirectory(IOptionsMonitor<AuthOptions> options)
{
    /// <summary>The claim holding <see cref="Stamp"/> of the password the session signed in with.</summary>
    public const string StampClaim = "caseingest:stamp";

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

        return PasswordHashes.Verify(password, user.PasswordHash) ? Principal(name, user) : null;
    }

    /// <summary>The user's entry as the configuration holds it now; null when the user was removed.</summary>
    public UserEntry? Current(string? name) =>
        name is not null && options.CurrentValue.Users.TryGetValue(name, out var user) && Roles.IsKnown(user.Role) ? user : null;

    /// <summary>A principal for the user as the configuration holds it now.</summary>
    public static ClaimsPrincipal Principal(string name, UserEntry user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, user.Role), new Claim(StampClaim, Stamp(user))],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>A short digest of the password hash: a new password (<c>users add</c> again) changes it, which ends the
    /// sessions signed in with the old one. Not the hash itself: the cookie store need not hold it.</summary>
    public static string Stamp(UserEntry user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)), 0, 8);
}
