using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>Reviewers and editors in a real browser (Debian's chromium) against the real app; every page visited is
/// saved as a screenshot under the test output's TestResults/screenshots.</summary>
public sealed partial class BrowserTests(WebAppFixture app, BrowserFixture browser)
    : IClassFixture<WebAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Editor_SearchNarrowOpenShortlistExport_ShortlistedCaseIsInBothExports()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        // Sign in.
        await page.GotoAsync("/login", BrowserFixture.ReadyGoto);
        await page.FillAsync("#name", WebAppFixture.Editor);
        await page.FillAsync("#password", WebAppFixture.Password);
        await browser.ScreenshotAsync(page, "01-login");
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForPageAsync("**/search");

        // Search a Chinese term.
        await page.FillAsync("input[name=q]", "智能制造");
        await page.ClickAsync("button:has-text('检索')");
        await page.WaitForPageAsync(new Regex("q="));
        await Expect(page.Locator(".hit em").First).ToBeVisibleAsync();
        var allTotal = Count(await page.TextContentAsync("#total"));
        await browser.ScreenshotAsync(page, "02-search");

        // Narrow by the case-type facet: the first type that holds only some of the hits.
        var facets = await page.Locator("ul[data-facet=type] li a").AllAsync();
        ILocator? facet = null;
        foreach (var candidate in facets)
        {
            if (Count(await candidate.TextContentAsync()) < allTotal)
            {
                facet = candidate;
                break;
            }
        }

        Assert.NotNull(facet);
        var facetText = (await facet.TextContentAsync())!;
        var facetType = facetText[..facetText.IndexOf(' ', StringComparison.Ordinal)];
        var facetCount = Count(facetText);
        await facet.ClickAsync();
        await page.WaitForPageAsync(new Regex("type="));
        await Expect(page.Locator("ul[data-facet=type] a.active")).ToContainTextAsync(facetType);
        Assert.Equal(facetCount, Count(await page.TextContentAsync("#total")));
        Assert.True(facetCount < allTotal);
        foreach (var meta in await page.Locator(".hit .meta").AllTextContentsAsync())
        {
            Assert.Contains(facetType, meta, StringComparison.Ordinal);
        }

        await browser.ScreenshotAsync(page, "03-search-narrowed");

        // Open a case.
        var firstHit = page.Locator(".hit h3 a").First;
        var title = (await firstHit.TextContentAsync())!;
        await firstHit.ClickAsync();
        await page.WaitForPageAsync(new Regex("/cases/"));
        await Expect(page.Locator("#case-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#indicators")).ToContainTextAsync("增长");
        await Expect(page.Locator("#stamps svg").First).ToBeVisibleAsync();
        var caseId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await browser.ScreenshotAsync(page, "04-case");

        // Only a case judged 合规 may be shortlisted: a reviewer decides it meanwhile, and the editor reloads.
        await Expect(page.Locator("#shortlist-refused")).ToContainTextAsync("合规");
        await app.JudgeCompliantAsync(caseId);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        // Shortlist it.
        await page.SelectOptionAsync("#shortlist select[name=rating]", "5");
        await page.FillAsync("#shortlist input[name=note]", "绩效数据扎实，建议入选");
        await page.ClickAsync("#shortlist button[value=stay]");
        await page.WaitForPageAsync(new Regex("saved=1"));
        await Expect(page.Locator("#shortlist-state")).ToContainTextAsync("已列入候选：5 分");
        await browser.ScreenshotAsync(page, "05-case-shortlisted");

        // Export the shortlist.
        await page.ClickAsync("header.top a:has-text('案例集')");
        await page.WaitForPageAsync("**/casebook");
        await Expect(page.Locator($"#shortlist tr[data-id='{caseId}']")).ToContainTextAsync("绩效数据扎实");
        await Expect(page.Locator($"#shortlist tr[data-id='{caseId}'] td[data-state]")).ToHaveTextAsync("合规");
        await browser.ScreenshotAsync(page, "06-casebook");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        var xlsxPath = Path.Combine(browser.Screenshots, "shortlist.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        var rows = MiniExcel.Query(xlsxPath, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r["编号"].ToString() == caseId && r["备注"].ToString() == "绩效数据扎实，建议入选");

        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-docx"));
        var docxPath = Path.Combine(browser.Screenshots, "shortlist.docx");
        await docx.SaveAsAsync(docxPath);
        using var document = WordprocessingDocument.Open(docxPath, false);
        Assert.Contains(title, document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task SignedOutVisitor_OpensACase_IsTurnedAwayToSignIn()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        var response = await page.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);

        await page.WaitForPageAsync(new Regex("/login"));
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("form[action='/login']")).ToBeVisibleAsync();
        Assert.DoesNotContain("人工智能驱动家电全链条智能制造与服务", await page.ContentAsync(), StringComparison.Ordinal);
        var api = await page.APIRequest.GetAsync("/api/cases/D01");
        Assert.Equal(401, api.Status);
        await browser.ScreenshotAsync(page, "00-signed-out");
    }

    [ChromiumFact]
    public async Task Reviewer_ConfirmsTypeAndSeesIntake_CasebookIsDenied()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);

        await page.GotoAsync("/cases/D11", BrowserFixture.ReadyGoto);
        await page.SelectOptionAsync("#type select[name=confirmedType]", "经营管理类");
        await page.ClickAsync("#type button:has-text('确认类型')");
        await page.WaitForPageAsync(new Regex("saved=1"));
        await Expect(page.Locator("#confirmed-type")).ToContainTextAsync("经营管理类（rita）");
        await Expect(page.Locator("#shortlist")).ToHaveCountAsync(0);
        Assert.DoesNotContain("sunliqun", await page.ContentAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "07-case-type-confirmed");

        // A package kept in the store: the signature page's image with the seals outlined over it.
        await page.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#stamps svg image")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stamps svg rect.seal")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "08-case-with-page-image");

        await page.ClickAsync("header.top a:has-text('受理情况')");
        await page.WaitForPageAsync("**/intake");
        await Expect(page.Locator("#dead-letters")).ToHaveTextAsync("无法统计（未接入消息队列）");
        await Expect(page.Locator("#failures")).ToContainTextAsync(WebAppFixture.FailedId);
        await browser.ScreenshotAsync(page, "09-intake");

        await page.GotoAsync("/casebook", BrowserFixture.ReadyGoto);
        await page.WaitForPageAsync(new Regex("/denied"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await browser.ScreenshotAsync(page, "10-denied");
    }

    [ChromiumFact]
    public async Task Editor_RejectedCase_CannotBeShortlisted()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Editor, WebAppFixture.Password);

        await page.GotoAsync("/cases/D10", BrowserFixture.ReadyGoto);

        await Expect(page.Locator("#verdict")).ToHaveTextAsync("系统判不合规");
        await Expect(page.Locator("#shortlist-refused")).ToContainTextAsync("系统判不合规");
        await Expect(page.Locator("#shortlist select[name=rating]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "11-case-rejected-not-shortlistable");
    }

    private static long Count(string? text) =>
        long.Parse(Number().Match(text ?? "").Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
