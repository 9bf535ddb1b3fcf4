using System.Net;
using System.Net.Http.Json;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseIngest.Web.Tests.Api;

/// <summary>The app with 30-minute sliding sessions that end after 2 hours whatever happens, and a clock the tests move.</summary>
public sealed class SessionWebAppFixture : WebAppFixture
{
    public const int SlidingMinutes = 30;
    public const int AbsoluteMinutes = 120;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Auth:SessionMinutes", SlidingMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Auth:SessionAbsoluteMinutes", AbsoluteMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Adds (or replaces) a user while the app runs, as an operator editing caseingest.json does.</summary>
    public void SetUser(string name, string role, string password = Password)
    {
        Configuration.SetValue($"Auth:Users:{name}:Role", role);
        Configuration.SetValue($"Auth:Users:{name}:PasswordHash", PasswordHashes.Hash(password, 10_000));
        Configuration.Commit();
    }

    public void SetRole(string name, string role)
    {
        Configuration.SetValue($"Auth:Users:{name}:Role", role);
        Configuration.Commit();
    }

    public void RemoveUser(string name)
    {
        Configuration.RemoveSection($"Auth:Users:{name}");
        Configuration.Commit();
    }
}

/// <summary>Sessions follow the users as configured now, end on sign-out on the server, and have an absolute lifetime.
/// Each test uses a user of its own.</summary>
public sealed class SessionTests(SessionWebAppFixture app) : IClassFixture<SessionWebAppFixture>
{
    [Fact]
    public async Task RemovedUser_IsRefusedOnTheNextRequest_AndStaysOutWhenAddedBack()
    {
        app.SetUser("temp-removed", Roles.Admin);
        using var client = await app.SignedInAsync("temp-removed");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/intake")).StatusCode);

        app.RemoveUser("temp-removed");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/intake")).StatusCode);
        var page = await client.Http.GetAsync("/search");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The session itself is gone, not only refused while the entry is missing.
        app.SetUser("temp-removed", Roles.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/intake")).StatusCode);
    }

    [Fact]
    public async Task DemotedUser_HasTheNewRoleOnTheNextRequest()
    {
        app.SetUser("temp-demoted", Roles.Admin);
        using var client = await app.SignedInAsync("temp-demoted");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/casebook/shortlist")).StatusCode);

        app.SetRole("temp-demoted", Roles.Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/casebook/shortlist")).StatusCode);
        var session = await client.Http.GetFromJsonAsync<Dictionary<string, object>>("/api/session");
        Assert.Equal(Roles.Reviewer, session!["role"].ToString());
        Assert.Equal("false", session["seesContacts"].ToString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task ChangedPassword_EndsTheSessionsSignedInWithTheOldOne()
    {
        app.SetUser("temp-password", Roles.Editor);
        using var client = await app.SignedInAsync("temp-password");

        app.SetUser("temp-password", Roles.Editor, "a-new-password-99");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task CopiedCookie_IsRefusedAfterLogout()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);
        var copied = client.CookieHeader;
        var token = await client.FormTokenAsync("/search");

        var logout = await client.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var thief = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CopiedCookie_WorksWhileTheSessionLasts()
    {
        // The counterpart of the test above: the copy is refused because of the sign-out, not because copies never work.
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);
        using var thief = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("Cookie", client.CookieHeader);

        Assert.Equal(HttpStatusCode.OK, (await thief.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task IdleSession_EndsAfterTheSlidingLifetime()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        app.Clock.Advance(TimeSpan.FromMinutes(SessionWebAppFixture.SlidingMinutes + 1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task ActiveSession_IsRenewedButEndsAtTheAbsoluteLifetime()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);
        var step = TimeSpan.FromMinutes(SessionWebAppFixture.SlidingMinutes - 5);
        var elapsed = TimeSpan.Zero;

        // Used every 25 minutes, the session outlives its 30-minute sliding lifetime several times over…
        while (elapsed + step < TimeSpan.FromMinutes(SessionWebAppFixture.AbsoluteMinutes))
        {
            app.Clock.Advance(step);
            elapsed += step;
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/session")).StatusCode);
        }

        // …but not its absolute one.
        app.Clock.Advance(TimeSpan.FromMinutes(SessionWebAppFixture.AbsoluteMinutes) - elapsed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }
}
