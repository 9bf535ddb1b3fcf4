using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Api;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>What a person sees when something goes wrong: Chinese pages with a way back, in Debian's chromium, on the app
/// with low sign-in limits (two failures per account). Screenshots: TestResults/screenshots/error-*.</summary>
public sealed class ErrorPagesBrowserTests(ThrottledWebAppFixture app, BrowserFixture browser)
    : IClassFixture<ThrottledWebAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Reviewer_MistypedAddressWrongMethodBadPageAndExpiredForm_GetChinesePagesWithAWayBack()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);

        // 404: an address that does not exist.
        var missing = await page.GotoAsync("/cases/D01/no-such-page", BrowserFixture.ReadyGoto);
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("#error h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("#error a#back")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "error-404");

        // 405: a form's address opened in the address bar.
        var method = await page.GotoAsync("/cases/D01/type", BrowserFixture.ReadyGoto);
        Assert.Equal(405, method!.Status);
        await Expect(page.Locator("#error h1")).ToHaveTextAsync("无法这样打开");
        await browser.ScreenshotAsync(page, "error-405");

        // 400: a page number that is no number.
        var bad = await page.GotoAsync("/search?page=abc", BrowserFixture.ReadyGoto);
        Assert.Equal(400, bad!.Status);
        await Expect(page.Locator("#error h1")).ToHaveTextAsync("请求有误");
        await browser.ScreenshotAsync(page, "error-400");

        // An expired form: the page's anti-forgery cookie is gone (signed in again elsewhere, left open overnight).
        await page.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "caseingest.antiforgery" });
        await page.ClickAsync("#type button[value=stay]");
        await Expect(page.Locator("#error h1")).ToHaveTextAsync("页面已过期");
        await Expect(page.Locator("#error")).ToContainTextAsync("没有保存");
        await browser.ScreenshotAsync(page, "error-expired-form");
        await page.ClickAsync("#error a#back");
        await page.WaitForPageAsync(new Regex("/cases/D01$"));
        await Expect(page.Locator("#confirmed-type")).ToContainTextAsync("尚未确认");
    }

    [ChromiumFact]
    public async Task Visitor_TooManyFailedSignIns_Gets429ChinesePage()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/login", BrowserFixture.ReadyGoto);

        IResponse? last = null;
        foreach (var guess in new[] { "wrong-1", "wrong-2", "wrong-3" })
        {
            await page.FillAsync("#name", WebAppFixture.Admin);
            await page.FillAsync("#password", guess);
            last = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[action='/login'] button[type=submit]"),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/login", StringComparison.Ordinal));
        }

        Assert.Equal(429, last!.Status);
        await Expect(page.Locator("p.error[role=alert]")).ToContainTextAsync("登录失败次数过多");
        await Expect(page.Locator("form[action='/login']")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await browser.ScreenshotAsync(page, "error-429");
    }
}
