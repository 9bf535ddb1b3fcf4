using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Web.Auth;

/// <summary>The <c>Auth</c> section: who may sign in. <c>Auth:Users:&lt;name&gt;:Role</c> and <c>…:PasswordHash</c>
/// (written by <c>caseingest users add</c>).</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    public Dictionary<string, UserEntry> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a sign-in lasts without activity (sliding: each request renews it).</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>How long a sign-in lasts at most, however active: a stolen cookie cannot be kept alive by use.</summary>
    [Range(1, 7 * 24 * 60)]
    public int SessionAbsoluteMinutes { get; set; } = 12 * 60;

    /// <summary>Failed sign-ins allowed per minute from one address; more are answered 429 with Retry-After. Only
    /// failures count, so colleagues signing in behind one proxy do not lock each other out.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins allowed for one account within <see cref="SignInLockoutMinutes"/>; more lock that
    /// account (whatever the address) until the window ends.</summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerAccount { get; set; } = 5;

    /// <summary>The window of <see cref="SignInFailuresPerAccount"/>.</summary>
    [Range(1, 24 * 60)]
    public int SignInLockoutMinutes { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionAbsoluteMinutes < SessionMinutes)
        {
            yield return new ValidationResult(
                $"Auth:SessionAbsoluteMinutes ({SessionAbsoluteMinutes}) is shorter than Auth:SessionMinutes ({SessionMinutes}).");
        }

        foreach (var (name, user) in Users)
        {
            if (!Roles.IsKnown(user.Role))
            {
                yield return new ValidationResult(
                    $"Auth:Users:{name}:Role is '{user.Role}'; expected one of {string.Join(", ", Roles.All)}.");
            }

            if (user.Role == Roles.Expert && string.IsNullOrWhiteSpace(user.Unit))
            {
                yield return new ValidationResult(
                    $"Auth:Users:{name}:Unit is empty: an expert needs their own unit, so that no case of it is assigned to them ('caseingest users add {name} --role expert --unit UNIT').");
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

    /// <summary>The user's own organisation (an expert's unit): no case whose applicant or recommender is this unit is
    /// assigned to them.</summary>
    public string? Unit { get; set; }
}
