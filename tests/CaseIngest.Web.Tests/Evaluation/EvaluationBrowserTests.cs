using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Browser;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static CaseIngest.Web.Tests.Evaluation.EvaluationWebAppFixture;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Evaluation;

/// <summary>The evaluation end to end in a real browser: an admin assigns, an expert sees only the cases assigned
/// (never the one of her own unit), scores D01 with the evidence links and submits; two more experts score; the spread
/// flag and the ranking follow; the admin selects; the editors' casebook shows the case.</summary>
public sealed class EvaluationBrowserTests(EvaluationWebAppFixture app, BrowserFixture browser)
    : IClassFixture<EvaluationWebAppFixture>, IClassFixture<BrowserFixture>
{
    private Task ShotAsync(IPage page, string name) => browser.ScreenshotAsync(page, "evaluation-" + name);

    [ChromiumFact]
    public async Task ExpertsScore_SpreadAndRankingFollow_AdminSelects_CasebookShowsIt()
    {
        var admin = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Admin, WebAppFixture.Password);
        await admin.GotoAsync("/evaluation", BrowserFixture.ReadyGoto);
        await admin.ClickAsync("#assign");
        await Expect(admin.Locator("#assigned")).ToContainTextAsync("2 个合规案例");
        await Expect(admin.Locator("#progress tbody tr")).ToHaveCountAsync(2);

        // Erin: her own unit applied with D02, so she has D01 only.
        var erin = await browser.SignedInPageAsync(app.BaseAddress, Erin, WebAppFixture.Password, landing: "**/expert");
        await Expect(erin.Locator("#my-cases tbody tr")).ToHaveCountAsync(1);
        await Expect(erin.Locator("#my-cases tr[data-id=D01]")).ToBeVisibleAsync();
        await Expect(erin.Locator("header.top")).Not.ToContainTextAsync("案例检索");
        await ShotAsync(erin, "01-my-cases");
        await erin.GotoAsync($"/expert/cases/{ConflictedCase}", BrowserFixture.ReadyGoto);
        await Expect(erin.Locator("h1")).ToContainTextAsync("不在您的评审范围内");

        await erin.GotoAsync("/expert", BrowserFixture.ReadyGoto);
        await erin.ClickAsync("#my-cases tr[data-id=D01] a");
        await Expect(erin.Locator("#sheet div.point[data-point]")).ToHaveCountAsync(19);
        var labels = string.Concat(await erin.Locator("#sheet h2, #sheet h3, #sheet-progress").AllTextContentsAsync());
        Assert.DoesNotContain("分", labels.Replace("分工", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // An evidence link opens the report at its paragraph (in a tab of its own: the sheet stays as it is).
        var link = erin.Locator("#point-T1 a.evidence").First;
        var quote = (await link.TextContentAsync())!.Trim('“', '”', '…');
        var href = (await link.GetAttributeAsync("href"))!;
        var report = await erin.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await report.WaitForPageAsync(new Regex("/cases/D01/report#p-\\d+$"));
        var paragraph = report.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..]);
        await Expect(paragraph).ToBeInViewportAsync();
        await Expect(paragraph).ToContainTextAsync(quote[..Math.Min(quote.Length, 20)]);
        await report.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, "evaluation-02-evidence-paragraph.png") });
        await report.CloseAsync();

        // Scores as she goes: the first dimension, saved; then the rest, and a note; then submit.
        foreach (var select in await erin.Locator("section[data-dimension=S] select").AllAsync())
        {
            await select.SelectOptionAsync("4");
        }

        await erin.ClickAsync("section[data-dimension=S] button[value=save]");
        await Expect(erin.Locator("#saved")).ToHaveTextAsync("已保存。");
        await Expect(erin.Locator("#sheet-progress")).ToContainTextAsync("已评 3 / 19");
        foreach (var select in await erin.Locator("#sheet select").AllAsync())
        {
            if (await select.InputValueAsync() == "")
            {
                await select.SelectOptionAsync("4");
            }
        }

        await erin.FillAsync("textarea[name='P1.note']", "实施前后对比数据完整");
        await ShotAsync(erin, "03-score-sheet");
        await erin.ClickAsync("#submit-sheet");
        await Expect(erin.Locator("#saved")).ToHaveTextAsync("评分表已提交，谢谢。");
        await Expect(erin.Locator("#sheet select")).ToHaveCountAsync(0);
        await erin.GotoAsync("/expert", BrowserFixture.ReadyGoto);
        await Expect(erin.Locator("#my-cases tr[data-id=D01] .state")).ToHaveTextAsync("已提交");

        // The second and third experts of D01: Ellen agrees, Emma scores S1 a 1 (a gap of 3 with the others).
        foreach (var (expert, s1) in new[] { (Ellen, "4"), (Emma, "1") })
        {
            var page = await browser.SignedInPageAsync(app.BaseAddress, expert, WebAppFixture.Password, landing: "**/expert");
            await page.ClickAsync("#my-cases tr[data-id=D01] a");
            foreach (var select in await page.Locator("#sheet select").AllAsync())
            {
                await select.SelectOptionAsync("4");
            }

            await page.SelectOptionAsync("select[name='S1.score']", s1);
            await page.ClickAsync("#submit-sheet");
            await Expect(page.Locator("#saved")).ToHaveTextAsync("评分表已提交，谢谢。");
        }

        // The results: S1 flagged; D01 ranked in its type; the admin selects it.
        await admin.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        await Expect(admin.Locator("#evaluation tr[data-point=S1].disputed")).ToContainTextAsync("需讨论");
        await Expect(admin.Locator("#evaluation tr.disputed")).ToHaveCountAsync(1);
        await admin.Locator("#evaluation").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(browser.Screenshots, "evaluation-04-case-results.png") });
        await admin.GotoAsync("/evaluation", BrowserFixture.ReadyGoto);
        var row = admin.Locator("#ranking table[data-type=业务融合创新类] tr[data-id=D01]");
        await Expect(row.Locator("td.disputed")).ToHaveTextAsync("S1");
        await Expect(row.Locator("td").First).ToHaveTextAsync("1");
        await row.Locator("button.select").ClickAsync();
        await Expect(admin.Locator("#ranking tr[data-id=D01] td.selected")).ToContainTextAsync("已入选");
        await ShotAsync(admin, "05-ranking");

        var editor = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Editor, WebAppFixture.Password);
        await editor.GotoAsync("/casebook", BrowserFixture.ReadyGoto);
        await Expect(editor.Locator("#candidates tr[data-id=D01]")).ToBeVisibleAsync();
        await ShotAsync(editor, "06-casebook");
    }
}
