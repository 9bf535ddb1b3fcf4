using CaseIngest.Web.Auth;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Evaluation;

/// <summary>The experts of <c>Auth:Users</c> (role <c>expert</c>) with their own units, as the configuration holds them now.</summary>
internal sealed class ExpertDirectory(IOptionsMonitor<AuthOptions> options)
{
    public IReadOnlyList<ExpertProfile> All =>
    [
        .. options.CurrentValue.Users
            .Where(u => u.Value.Role == Roles.Expert)
            .Select(u => new ExpertProfile(u.Key, u.Value.Unit ?? ""))
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    /// <summary>The expert of that name (an unknown one has no unit: assignment and visibility still hold by name).</summary>
    public ExpertProfile Find(string name) =>
        options.CurrentValue.Users.TryGetValue(name, out var user) ? new ExpertProfile(name, user.Unit ?? "") : new ExpertProfile(name, "");
}
