using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>The case page as a reviewer works through it: in the order of the work, and on to the next waiting case from
/// every decision.</summary>
public sealed partial class BrowserTests
{
    private static readonly string[] s_waitingStates = ["需人工复核", "系统判不合规", "系统判通过"];

    [ChromiumFact]
    public async Task Reviewer_CasePage_FindingsAndDecisionFirstThenTypeStampsFormReport()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, Fixtures.WebAppFixture.Reviewer, Fixtures.WebAppFixture.Password);

        await page.GotoAsync("/cases/D12", BrowserFixture.ReadyGoto);

        var tops = new List<float>();
        foreach (var section in new[] { "#review", "#type", "#stamps", "#form", "#indicators", "#report" })
        {
            tops.Add((await page.Locator(section).BoundingBoxAsync())!.Y);
        }

        Assert.Equal(tops.Order(), tops);
        // The findings with their evidence and the decision controls are on the first screen.
        var saveNext = await page.Locator("#save-next").BoundingBoxAsync();
        Assert.True(saveNext!.Y < 2 * 900, $"保存并下一个 at {saveNext.Y}px");
        await Expect(page.Locator("#review li[data-code=no_toc] .evidence")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "12-case-order");
    }

    [ChromiumFact]
    public async Task Reviewer_ConfirmsTypeAndNext_ReachesTheNextWaitingCase()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, Fixtures.WebAppFixture.Reviewer, Fixtures.WebAppFixture.Password);
        await page.GotoAsync("/review", BrowserFixture.ReadyGoto);
        await page.ClickAsync("#start");
        await page.WaitForPageAsync(new Regex("/cases/.+from=queue"));
        var first = CaseId(page.Url);

        await page.SelectOptionAsync("#type select[name=confirmedType]", "解决方案类");
        await page.ClickAsync("#type-next");
        await page.WaitForPageAsync(url => url.Contains("from=queue", StringComparison.Ordinal) && CaseId(url) != first);

        // The next case still waits for a person, and the queue goes on from it.
        Assert.Contains((await page.Locator("#review-state").TextContentAsync())!.Trim(), s_waitingStates);
        await Expect(page.Locator("#type-next")).ToBeVisibleAsync();
        await Expect(page.Locator("#save-next")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "13-case-after-type-next");
        await page.GotoAsync($"/cases/{first}", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#confirmed-type")).ToContainTextAsync("解决方案类");
    }

    [ChromiumFact]
    public async Task Reviewer_PdfSignaturePage_ShowsItsImage_FullSizeWithSealsAndDatesAndZoom()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, Fixtures.WebAppFixture.Reviewer, Fixtures.WebAppFixture.Password);

        // D13's signature page is a PDF: rendered at ingest, shown under its seal boxes, not an empty frame.
        await page.GotoAsync("/cases/D13", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#stamps svg image")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stamps figcaption")).Not.ToContainTextAsync("未保存");
        await browser.ScreenshotAsync(page, "14-case-pdf-signature-page");

        await page.ClickAsync("#stamps a.page-link");
        await page.WaitForPageAsync(new Regex("/cases/D13/pages/1"));
        await Expect(page.Locator(".page-full svg image")).ToHaveCountAsync(1);
        await Expect(page.Locator(".page-full rect.seal")).ToHaveCountAsync(2);
        await Expect(page.Locator(".page-full text.seal-date").First).ToContainTextAsync("日期：");
        await page.ClickAsync("p.zoom a:has-text('200%')");
        await page.WaitForPageAsync(new Regex("zoom=200"));
        await Expect(page.Locator(".page-full.zoom-200")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "15-signature-page-full-size");

        var original = await page.APIRequest.GetAsync((await page.Locator("#original").GetAttributeAsync("href"))!);
        Assert.Equal(200, original.Status);
        Assert.Equal("image/jpeg", original.Headers["content-type"]);
        Assert.Equal([0xFF, 0xD8, 0xFF], (await original.BodyAsync())[..3]);
    }

    private static string CaseId(string url) => new Uri(url).AbsolutePath.Split('/').Last();
}
