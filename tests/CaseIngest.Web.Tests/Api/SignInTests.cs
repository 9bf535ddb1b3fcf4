using System.Net;
using System.Net.Http.Json;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Api;

public sealed class SignInTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/search")]
    [InlineData("/cases/D01")]
    [InlineData("/casebook")]
    [InlineData("/intake")]
    public async Task Page_SignedOut_RedirectsToSignIn(string path)
    {
        using var client = app.NewClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases/D01")]
    [InlineData("/api/cases/D01/similar")]
    [InlineData("/api/cases/D01/pages/1/image")]
    [InlineData("/api/casebook/shortlist")]
    [InlineData("/api/casebook/candidates")]
    [InlineData("/api/casebook/shortlist.xlsx")]
    [InlineData("/api/casebook/shortlist.docx")]
    [InlineData("/api/intake")]
    [InlineData("/api/intake/verdicts.xlsx")]
    [InlineData("/api/session")]
    public async Task Api_SignedOut_Returns401(string path)
    {
        using var client = app.NewClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401AndNoCookie()
    {
        using var client = app.NewClient();

        var response = await client.SignInAsync(WebAppFixture.Reviewer, "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Login_UnknownUser_Returns401()
    {
        using var client = app.NewClient();

        var response = await client.SignInAsync("mallory", WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Returns400()
    {
        using var client = app.NewClient();

        var response = await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WebAppFixture.Reviewer,
            ["password"] = WebAppFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_RedirectsToSearchInstead()
    {
        using var client = app.NewClient();
        var token = await client.FormTokenAsync("/login");

        var response = await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WebAppFixture.Reviewer,
            ["password"] = WebAppFixture.Password,
            ["returnUrl"] = "//evil.example/steal",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(WebAppFixture.Reviewer, "reviewer", false)]
    [InlineData(WebAppFixture.Editor, "editor", true)]
    [InlineData(WebAppFixture.Admin, "admin", true)]
    public async Task Session_SignedIn_ReturnsRoleAndToken(string user, string role, bool seesContacts)
    {
        using var client = await app.SignedInAsync(user);

        var session = await client.Http.GetFromJsonAsync<Dictionary<string, object>>("/api/session");

        Assert.Equal(user, session!["name"].ToString());
        Assert.Equal(role, session["role"].ToString());
        Assert.Equal(seesContacts.ToString().ToLowerInvariant(), session["seesContacts"].ToString()!.ToLowerInvariant());
        Assert.False(string.IsNullOrEmpty(session["antiforgeryToken"].ToString()));
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);
        var token = await client.FormTokenAsync("/search");

        var response = await client.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/search")).StatusCode);
    }

    [Fact]
    public async Task Pages_SignedIn_SendSecurityHeaders()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.Http.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
