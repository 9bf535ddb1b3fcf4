using System.Net;
using System.Net.Http.Json;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Api;

/// <summary>What every response carries (errors included), what no browser may keep, where sign-in may send back to,
/// and what a stale form shows.</summary>
public sealed class SecurityHeadersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/search", HttpStatusCode.OK },
        { "/api/cases/D01", HttpStatusCode.OK },
        { "/api/cases/no-such-case", HttpStatusCode.NotFound },
        { "/no/such/page", HttpStatusCode.NotFound },
        { "/intake", HttpStatusCode.Redirect },
        { "/api/intake", HttpStatusCode.Forbidden },
        { WebAppFixture.FailingPath, HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_AnyStatus_CarriesTheSecurityHeadersAndNoStore(string path, HttpStatusCode status)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Theory]
    [InlineData("/api/casebook/shortlist.xlsx")]
    [InlineData("/api/casebook/shortlist.docx")]
    [InlineData("/api/cases/D01/pages/1/image")]
    public async Task Export_WithContacts_IsNotStored(string path)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Login_WrongPassword_CarriesTheSecurityHeaders()
    {
        using var client = app.NewClient();

        var response = await client.SignInAsync(WebAppFixture.Reviewer, "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/\t/evil.example/steal")]
    [InlineData("/search\r\nSet-Cookie: x=1")]
    [InlineData("/search\n")]
    [InlineData("/cases/D01\u0007")]
    [InlineData("/\u0085/evil.example")]
    public async Task Login_ReturnUrlWithControlCharacters_RedirectsToSearchInstead(string returnUrl)
    {
        using var client = app.NewClient();
        var token = await client.FormTokenAsync("/login");

        var response = await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WebAppFixture.Reviewer,
            ["password"] = WebAppFixture.Password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_LocalReturnUrl_IsFollowed()
    {
        using var client = app.NewClient();
        var token = await client.FormTokenAsync("/login");

        var response = await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WebAppFixture.Reviewer,
            ["password"] = WebAppFixture.Password,
            ["returnUrl"] = "/cases/D01?saved=1",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/cases/D01?saved=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StaleForm_ShowsAPageNotProblemJson()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.Http.PostAsync("/cases/D01/type", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confirmedType"] = "经营管理类",
            ["__RequestVerificationToken"] = "stale",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("页面已过期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

/// <summary>Page numbers out of range: said as such, and never wrapped round to the first page.</summary>
public sealed class PageNumberTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task PageImage_OutOfRange_SaysThePageNotTheCaseIsMissing()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.Http.GetAsync("/api/cases/D01/pages/99/image");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有第 99 张盖章页", body, StringComparison.Ordinal);
        Assert.DoesNotContain("不存在", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("21474837")]
    public async Task Search_HugePageNumber_IsEmptyNotTheFirstPage(string page)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var result = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/search?page={page}");

        Assert.True(result.GetProperty("total").GetInt64() > 0);
        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
    }
}
