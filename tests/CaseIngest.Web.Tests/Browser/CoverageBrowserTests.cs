using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>The 二级指标 card of a case page in a real browser: every point with its state, evidence that jumps to
/// its paragraph in the report view, the wording 二级指标 (never 分) for the points.</summary>
public sealed class CoverageBrowserTests(WebAppFixture app, BrowserFixture browser)
    : IClassFixture<WebAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Reviewer_OpensCase_SeesThe19Points_EvidenceLinkLandsOnItsParagraph()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);

        await page.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        var card = page.Locator("#coverage");
        await Expect(card.Locator("h2")).ToHaveTextAsync("二级指标");
        await Expect(card.Locator("tr[data-point]")).ToHaveCountAsync(19);
        await Expect(card.Locator("h3")).ToHaveTextAsync(["应用场景", "数智技术能力", "组织与管理变革", "人机协同", "绩效表现"]);
        // The points are 二级指标, never 分 (分工, division of labour, is H1's own wording).
        var labels = string.Concat((await card.Locator("tr[data-point] th").AllTextContentsAsync()).Append(await card.Locator("h2").TextContentAsync()));
        Assert.DoesNotContain("分", labels.Replace("分工", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await Expect(card.Locator("tr[data-point=P1] table.figures tbody tr").First).ToBeVisibleAsync();
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(browser.Screenshots, "coverage-01-case.png") });

        var link = card.Locator("tr[data-point=T1] a.evidence").First;
        var quote = (await link.TextContentAsync())!.Trim('“', '”', '…');
        var href = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await page.WaitForPageAsync(new Regex("/cases/D01/report#p-\\d+$"));
        var paragraph = page.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..]);
        await Expect(paragraph).ToBeInViewportAsync();
        await Expect(paragraph).ToContainTextAsync(quote[..Math.Min(quote.Length, 20)]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, "coverage-02-report-paragraph.png") });
    }
}
