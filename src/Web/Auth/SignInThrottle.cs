using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Auth;

/// <summary>Slows password guessing per account and per address. Only failed sign-ins count: colleagues behind one proxy
/// who type their passwords right never lock each other out, while guessing one account from many addresses, or many
/// accounts from one, is stopped. Fixed windows, in memory, timed by the injected clock.</summary>
internal sealed class SignInThrottle(IOptionsMonitor<AuthOptions> options, TimeProvider clock)
{
    // Attacker-chosen names make keys; beyond this many, expired windows are dropped before a new key is added.
    private const int MaxTrackedKeys = 10_000;

    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long until this account may try again from this address; null: it may now.</summary>
    public TimeSpan? RetryAfter(string? account, string? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var byAccount = Blocked(AccountKey(account), options.CurrentValue.SignInFailuresPerAccount, now);
            var byAddress = Blocked(AddressKey(address), options.CurrentValue.SignInAttemptsPerMinute, now);
            return new[] { byAccount, byAddress }.Max();
        }
    }

    public void Failed(string? account, string? address)
    {
        var now = clock.GetUtcNow();
        var auth = options.CurrentValue;
        lock (_lock)
        {
            if (_windows.Count >= MaxTrackedKeys)
            {
                foreach (var (key, window) in _windows.Where(w => w.Value.Ends <= now).ToList())
                {
                    _windows.Remove(key);
                }
            }

            Count(AccountKey(account), TimeSpan.FromMinutes(auth.SignInLockoutMinutes), now);
            Count(AddressKey(address), TimeSpan.FromMinutes(1), now);
        }
    }

    /// <summary>A right password clears the account's failures (not the address's: that one is shared).</summary>
    public void Succeeded(string? account)
    {
        lock (_lock)
        {
            _windows.Remove(AccountKey(account));
        }
    }

    private TimeSpan? Blocked(string key, int limit, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && window.Ends > now && window.Failures >= limit ? window.Ends - now : null;

    private void Count(string key, TimeSpan length, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window) || window.Ends <= now)
        {
            window = new Window(now + length);
            _windows[key] = window;
        }

        window.Failures++;
    }

    private static string AccountKey(string? account) => "account:" + (account ?? "").ToLowerInvariant();

    private static string AddressKey(string? address) => "address:" + address;

    private sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends { get; } = ends;

        public int Failures { get; set; }
    }
}
