using System.Net;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Api;

/// <summary>The app with three sign-in attempts a minute per address.</summary>
public sealed class ThrottledWebAppFixture : WebAppFixture
{
    protected override int SignInAttemptsPerMinute => 3;
}

public sealed class SignInThrottleTests(ThrottledWebAppFixture app) : IClassFixture<ThrottledWebAppFixture>
{
    [Fact]
    public async Task Login_MoreAttemptsThanAllowedInAMinute_Returns429EvenWithTheRightPassword()
    {
        using var client = app.NewClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(WebAppFixture.Reviewer, "guess-" + attempt)).StatusCode);
        }

        var response = await client.SignInAsync(WebAppFixture.Reviewer, WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/session")).StatusCode);
    }
}
