using System.Net;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseIngest.Web.Tests.Api;

/// <summary>The app with three failed sign-ins a minute per address, two per account in 15 minutes, and a clock the
/// tests move.</summary>
public sealed class ThrottledWebAppFixture : WebAppFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Auth:SignInAttemptsPerMinute", "3"),
        new("Auth:SignInFailuresPerAccount", "2"),
        new("Auth:SignInLockoutMinutes", "15"),
    ];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Each test connects from its own loopback address (127.0.0.x), so the per-address windows do not mix.</summary>
public sealed class SignInThrottleTests(ThrottledWebAppFixture app) : IClassFixture<ThrottledWebAppFixture>
{
    [Fact]
    public async Task Login_MoreFailuresFromOneAddressThanAllowed_Returns429WithRetryAfterAndABody()
    {
        using var client = app.NewClient(from: "127.0.0.2");
        foreach (var guess in new[] { "x1", "x2", "x3" })
        {
            // Three accounts, one failure each: only the address limit is reached.
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("nobody-" + guess, "guess")).StatusCode);
        }

        var response = await client.SignInAsync(WebAppFixture.Editor, WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains("登录失败次数过多", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Login_AccountFailedTwiceFromOneAddress_IsLockedFromAnotherAddressToo()
    {
        using var attacker = app.NewClient(from: "127.0.0.3");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SignInAsync(WebAppFixture.Admin, "guess-" + attempt)).StatusCode);
        }

        using var owner = app.NewClient(from: "127.0.0.4");
        var response = await owner.SignInAsync(WebAppFixture.Admin, WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 14, 15);
        // Another account from the attacker's address is not locked: two failures are under that address's three.
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.SignInAsync(WebAppFixture.Reviewer, WebAppFixture.Password)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync(WebAppFixture.Admin, WebAppFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_ManyColleaguesBehindOneAddress_AreNotThrottled()
    {
        for (var colleague = 0; colleague < 8; colleague++)
        {
            using var client = app.NewClient(from: "127.0.0.5");
            var user = new[] { WebAppFixture.Reviewer, WebAppFixture.Editor }[colleague % 2];

            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user, WebAppFixture.Password)).StatusCode);
        }
    }
}
