using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Browser;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Search;

/// <summary>The search page over a day's worth of cases (116) in Debian's chromium: snippets from the report alone,
/// system text in its own scope, page size and jumps, facets folded after the top values, and what waits for a person.
/// Screenshots go to TestResults/screenshots (search-*).</summary>
public sealed partial class SearchBrowserTests(DayOfCasesAppFixture app, BrowserFixture browser)
    : IClassFixture<DayOfCasesAppFixture>, IClassFixture<BrowserFixture>
{
    private const int AllCases = 14 + 2 + DayOfCasesAppFixture.ExtraCases;

    [ChromiumFact]
    public async Task Reviewer_Searches_SnippetNeverContainsFindingText_FindingsHaveTheirOwnScope()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);

        // A report word: every snippet is a sentence of the report, none the title again, none a finding's message.
        await page.FillAsync("input[name=q]", "智能制造");
        await page.ClickAsync("form.search-box button[type=submit]");
        await page.WaitForPageAsync(new Regex("q="));
        await Expect(page.Locator(".hit .snippet em").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "search-01-snippets");
        foreach (var hit in await page.Locator(".hit").AllAsync())
        {
            var title = (await hit.Locator("h3 a").TextContentAsync())!.Trim();
            foreach (var snippet in await hit.Locator(".snippet").AllTextContentsAsync())
            {
                Assert.DoesNotContain("样例违规", snippet, StringComparison.Ordinal);   // every finding's message in these records
                Assert.DoesNotContain("………", snippet, StringComparison.Ordinal);
                Assert.False(snippet.StartsWith("……", StringComparison.Ordinal), snippet);
                Assert.NotEqual(title, snippet.Trim());
                Assert.DoesNotContain("TOC \\", snippet, StringComparison.Ordinal);
            }
        }

        // A word only the findings hold: the report search says where else to look; the findings scope finds it, labelled.
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("样例违规"), BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#no-hits")).ToContainTextAsync("审查发现");
        await page.SelectOptionAsync("select[name=scope]", "findings");
        await page.ClickAsync("form.search-box button[type=submit]");
        await page.WaitForPageAsync(new Regex("scope=findings"));
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        Assert.True(Count(await page.TextContentAsync("#total")) > 0);
        foreach (var snippet in await page.Locator(".hit .snippet").AllAsync())
        {
            await Expect(snippet.Locator(".badge")).ToHaveTextAsync("审查发现");
            await Expect(snippet.Locator("em")).ToHaveTextAsync("样例违规");
        }

        await browser.ScreenshotAsync(page, "search-02-findings-scope");
    }

    [ChromiumFact]
    public async Task Reviewer_PagesThroughTheDay_PageSizeJumpAndOutOfRangeSaySo()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);
        Assert.Equal(AllCases, Count(await page.TextContentAsync("#total")));
        await Expect(page.Locator(".hit")).ToHaveCountAsync(10);

        // 50 a page, straight to page 3: the last 16.
        await page.SelectOptionAsync(".pager select[name=pageSize]", "50");
        await page.FillAsync(".pager input[name=page]", "3");
        await page.ClickAsync(".pager button[type=submit]");
        await page.WaitForPageAsync(new Regex("page=3"));
        await Expect(page.Locator(".pager .current")).ToHaveTextAsync("3");
        await Expect(page.Locator(".hit")).ToHaveCountAsync(AllCases - 100);
        await browser.ScreenshotAsync(page, "search-03-page-3-of-50");

        // A page past the last says so and offers the last one.
        await page.GotoAsync("/search?pageSize=50&page=9", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#out-of-range")).ToContainTextAsync("第 9 页超出范围：共 3 页");
        await Expect(page.Locator(".hit")).ToHaveCountAsync(0);
        await page.ClickAsync("#out-of-range a");
        await page.WaitForPageAsync(new Regex("page=3"));
        await Expect(page.Locator(".hit")).ToHaveCountAsync(AllCases - 100);

        // A huge page neither wraps to page 1 nor fails.
        await page.GotoAsync("/search?page=2000000000", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#out-of-range")).ToContainTextAsync("超出可翻阅范围");
        await Expect(page.Locator(".hit")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "search-04-out-of-range");
    }

    [ChromiumFact]
    public async Task Reviewer_RecommenderFacet_ShowsTheTopValuesThenMore()
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);

        var top = page.Locator("aside > ul[data-facet=recommender] li");
        var more = page.Locator("details.more[data-facet=recommender]");
        await Expect(top).ToHaveCountAsync(5);
        await Expect(more.Locator("summary")).ToContainTextAsync("更多");
        await Expect(more.Locator("li").First).Not.ToBeVisibleAsync();
        await more.Locator("summary").ClickAsync();
        var last = more.Locator("li a").Last;
        await Expect(last).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "search-05-facet-more");

        var text = (await last.TextContentAsync())!;
        var name = text[..text.LastIndexOf(' ')];
        await last.ClickAsync();
        await page.WaitForPageAsync(new Regex("recommender="));
        Assert.Equal(Count(text[text.LastIndexOf(' ')..]), Count(await page.TextContentAsync("#total")));
        // The chosen value stays in sight, marked, though it is not among the top five.
        await Expect(page.Locator("aside > ul[data-facet=recommender] a.active")).ToContainTextAsync(name);
    }

    [ChromiumFact]
    public async Task Reviewer_WaitingSwitch_ListsOnlyWhatStillWaitsForAPerson()
    {
        // GIVEN one case decided by a person
        using (var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer))
        {
            var decided = await reviewer.SendAsync(HttpMethod.Put, "/api/cases/X001/review/decision",
                new { revision = 0, findings = Array.Empty<object>(), outcome = "non_compliant", reason = "正文不足 4000 字" });
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        }

        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("智能"), BrowserFixture.ReadyGoto);
        var all = Count(await page.TextContentAsync("#total"));

        // WHEN the reviewer switches to what waits
        await page.ClickAsync("#waiting a");
        await page.WaitForPageAsync(new Regex("waiting=true"));

        // THEN the decided case is gone, every hit says it waits, and the switch can be undone
        var waiting = Count(await page.TextContentAsync("#total"));
        Assert.True(waiting < all, $"{waiting} of {all}");
        await Expect(page.Locator(".hit[data-id=X001]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".hit .badge.s-non_compliant")).ToHaveCountAsync(0);
        Assert.Equal(await page.Locator(".hit").CountAsync(), await page.Locator(".hit .badge.waiting").CountAsync());
        await browser.ScreenshotAsync(page, "search-06-waiting");
        await page.ClickAsync("#waiting a");
        await page.WaitForPageAsync(url => !url.Contains("waiting=", StringComparison.Ordinal));
        Assert.Equal(all, Count(await page.TextContentAsync("#total")));
    }

    private static long Count(string? text) =>
        long.Parse(Number().Match(text ?? "").Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
