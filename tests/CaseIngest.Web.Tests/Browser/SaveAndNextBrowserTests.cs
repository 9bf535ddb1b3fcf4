using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Evaluation;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static CaseIngest.Web.Tests.Evaluation.EvaluationWebAppFixture;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>保存并下一个 where editors decide (the shortlist, before experts exist), by keyboard: Enter in the note saves
/// and opens the next case that may be shortlisted, until none is left.</summary>
public sealed class ShortlistSaveAndNextBrowserTests(WebAppFixture app, BrowserFixture browser)
    : IClassFixture<WebAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Editor_ShortlistsByEnter_ReachesTheNextCandidate_ThenTheCasebook()
    {
        // Two cases judged 合规: the only ones that may be shortlisted in this app.
        await app.JudgeCompliantAsync("D03", "D06");
        var page = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Editor, WebAppFixture.Password);
        await page.GotoAsync("/cases/D03", BrowserFixture.ReadyGoto);

        await page.FillAsync("#shortlist input[name=note]", "数字化转型路径清楚");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync(new Regex("/cases/D06\\?saved=D03"));
        await Expect(page.Locator("#saved")).ToContainTextAsync("已保存 D03");
        await Expect(page.Locator("#shortlist-state")).ToContainTextAsync("未列入候选");
        await page.SelectOptionAsync("#shortlist select[name=rating]", "5");
        await page.Locator("#shortlist input[name=note]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync("**/casebook?done=1");
        await Expect(page.Locator("#shortlist tr[data-id=D03]")).ToContainTextAsync("数字化转型路径清楚");
        await Expect(page.Locator("#shortlist tr[data-id=D06] td[data-state]")).ToHaveTextAsync("合规");
        await Expect(page.Locator("#casebook-done")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "30-casebook-after-save-and-next");
    }
}

/// <summary>保存并下一个 where experts and admins decide: an expert's 提交并评下一个 opens the next assigned sheet, until
/// all are submitted; the admin's 入选并转到下一个 goes down the ranking (keyboard: focus the button, Enter).</summary>
public sealed class EvaluationSaveAndNextBrowserTests(EvaluationWebAppFixture app, BrowserFixture browser)
    : IClassFixture<EvaluationWebAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Expert_SubmitAndNext_ReachesTheNextAssignedCase_AdminSelectAndNext_GoesDownTheRanking()
    {
        using (var assigner = await app.SignedInAsync(WebAppFixture.Admin))
        {
            await PostFormAsync(assigner, "/evaluation", "/evaluation/assign", []);
        }

        // An expert who has both compliant cases (Erin never has D02: her own unit applied with it).
        string? expert = null;
        foreach (var candidate in new[] { Ellen, Emma, Evan })
        {
            using var client = await app.SignedInAsync(candidate);
            var list = await client.Http.GetStringAsync("/expert");
            if (list.Contains("data-id=\"D01\"", StringComparison.Ordinal) && list.Contains("data-id=\"D02\"", StringComparison.Ordinal))
            {
                expert = candidate;
                break;
            }
        }

        Assert.NotNull(expert);
        var page = await browser.SignedInPageAsync(app.BaseAddress, expert, WebAppFixture.Password, landing: "**/expert");
        await page.ClickAsync("#my-cases tr[data-id=D01] a");
        await page.WaitForPageAsync("**/expert/cases/D01");
        await ScoreEveryPointAsync(page);
        await page.Locator("#submit-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync(new Regex("/expert/cases/D02\\?previous=D01"));
        await Expect(page.Locator("#saved")).ToHaveTextAsync("D01 的评分表已提交。这是下一个待评案例。");
        await ScoreEveryPointAsync(page);
        await page.Locator("#submit-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync("**/expert?done=1");
        await Expect(page.Locator("#my-cases .state")).ToHaveTextAsync(["已提交", "已提交"]);
        await browser.ScreenshotAsync(page, "31-expert-all-submitted");

        // The ranking: D01 then D02 (equal totals, in order of number). 入选 D01 and on; D02 not, and on to the ranking.
        var admin = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Admin, WebAppFixture.Password);
        await admin.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        await admin.Locator("#select-next").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForPageAsync(new Regex("/cases/D02\\?saved=D01"));
        await Expect(admin.Locator("#saved")).ToContainTextAsync("已保存 D01");
        await browser.ScreenshotAsync(admin, "32-case-after-select-and-next");
        await admin.ClickAsync("#skip-next");
        await admin.WaitForPageAsync(new Regex("/evaluation\\?saved=1"));
        await Expect(admin.Locator("#ranking tr[data-id=D01] td.selected")).ToContainTextAsync("已入选");
        await Expect(admin.Locator("#ranking tr[data-id=D02] td.selected")).Not.ToContainTextAsync("已入选");
    }

    private static async Task ScoreEveryPointAsync(IPage page)
    {
        foreach (var select in await page.Locator("#sheet select").AllAsync())
        {
            await select.SelectOptionAsync("4");
        }
    }
}
