using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Web.Auth;

/// <summary>The <c>Auth</c> section: who may sign in. <c>Auth:Users:&lt;name&gt;:Role</c> and <c>…:PasswordHash</c>
/// (written by <c>caseingest users add</c>).</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    public Dictionary<string, UserEntry> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>Sign-in attempts allowed per minute from one address; more are answered 429.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, user) in Users)
        {
            if (!Roles.IsKnown(user.Role))
            {
                yield return new ValidationResult(
                    $"Auth:Users:{name}:Role is '{user.Role}'; expected one of {string.Join(", ", Roles.All)}.");
            }

            if (!PasswordHashes.IsWellFormed(user.PasswordHash))
            {
                yield return new ValidationResult(
                    $"Auth:Users:{name}:PasswordHash is not a pbkdf2-sha256 hash; create it with 'caseingest users add {name} --role ROLE'.");
            }
        }
    }
}

/// <summary>One user of <see cref="AuthOptions.Users"/>.</summary>
public sealed class UserEntry
{
    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}
