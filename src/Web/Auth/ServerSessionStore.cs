using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CaseIngest.Web.Auth;

/// <summary>Sign-ins kept on the server: the cookie carries only a random key into this store, so signing out removes
/// the session itself and a copy of the cookie taken before is worth nothing. In memory: a restart signs everyone out,
/// which is the safe side for a handful of staff.</summary>
internal sealed class ServerSessionStore(TimeProvider clock) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public int Count => _tickets.Count;

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        RemoveExpired();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // Only a session that still exists is renewed: a request racing a sign-out must not bring it back.
        if (_tickets.TryGetValue(key, out var current))
        {
            _tickets.TryUpdate(key, ticket, current);
        }

        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(_tickets.TryGetValue(key, out var ticket) && !IsExpired(ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool IsExpired(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires && expires <= clock.GetUtcNow();

    // Abandoned sessions (a browser closed without signing out) would otherwise stay forever.
    private void RemoveExpired()
    {
        foreach (var (key, ticket) in _tickets)
        {
            if (IsExpired(ticket))
            {
                _tickets.TryRemove(key, out _);
            }
        }
    }
}
