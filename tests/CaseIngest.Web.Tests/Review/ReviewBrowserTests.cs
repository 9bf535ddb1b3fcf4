using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Browser;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseIngest.Web.Tests.Review;

/// <summary>A reviewer works through the queue in Debian's chromium, with the keyboard where it can; an admin reopens one
/// and renders the 补正通知 to PDF with LibreOffice. Screenshots, the notice's PDF and the clicks and keys per decision
/// go to TestResults/screenshots.</summary>
public sealed partial class ReviewBrowserTests(ReviewBrowserAppFixture app, BrowserFixture browser)
    : IClassFixture<ReviewBrowserAppFixture>, IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Reviewer_DecidesThreePackagesThroughTheQueue_AdminReopensOne_NoticeRendersToPdf()
    {
        var page = await SignInAsync(WebAppFixture.Reviewer);
        await page.GotoAsync("/review", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#queue tbody tr").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "20-review-queue");
        var actions = new List<string>();

        // Into the queue.
        await page.Locator("#start").ClickAsync();
        await page.WaitForPageAsync(new Regex("/cases/.+from=queue"));
        var first = CaseId(page.Url);

        // 1: dismiss a finding with a reason, decide 合规, save and next.
        var finding = page.Locator("#review-form li").Filter(new() { Has = page.Locator("input[value=dismissed]:not([disabled])") }).First;
        await finding.Locator("input[value=dismissed]").CheckAsync();
        await finding.Locator("input[name$='.reason']").FillAsync("引用的是政策原文，不是本单位自述");
        await page.Locator("input[name=outcome][value=compliant]").CheckAsync();
        await page.Locator("#reason").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        actions.Add($"{first}: 驳回问题并判合规 = 3 次点击 + 输入理由 + Enter");
        await page.WaitForPageAsync(url => CaseId(url) != first);
        var second = CaseId(page.Url);

        // 2: the machine's proposal preselected (or 不合规 with a reason when it needs a person): one key saves it.
        var proposed = await page.Locator("input[name=outcome]:checked").CountAsync() > 0;
        if (!proposed)
        {
            await page.Locator("input[name=outcome][value=non_compliant]").CheckAsync();
            await page.Locator("#reason").FillAsync("推荐单位公章缺失");
            await page.Locator("#reason").FocusAsync();
            actions.Add($"{second}: 需人工复核，判不合规 = 1 次点击 + 输入理由 + Enter");
        }
        else
        {
            await Expect(page.Locator("#save-next")).ToBeFocusedAsync();
            actions.Add($"{second}: 采纳预选的系统结论 = Enter（1 次按键）");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(url => CaseId(url) != second);
        var third = CaseId(page.Url);

        // 3: returned for correction, with a reason.
        await page.Locator("input[name=outcome][value=returned]").CheckAsync();
        await page.Locator("#reason").FillAsync("请补正后重新提交");
        await page.Keyboard.PressAsync("Enter");
        actions.Add($"{third}: 退回补正 = 1 次点击 + 输入理由 + Enter");
        await page.WaitForPageAsync(url => CaseId(url) != third || url.Contains("/review", StringComparison.Ordinal));

        await page.GotoAsync($"/cases/{first}", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#review-state")).ToHaveTextAsync("合规");
        await page.Locator("#audit summary").ClickAsync();
        // The finding dismissed, the package decided, and the type shown beside the decision confirmed with it.
        await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(3);
        await browser.ScreenshotAsync(page, "21-case-with-decisions");
        await page.GotoAsync($"/cases/{third}", BrowserFixture.ReadyGoto);
        await Expect(page.Locator("#review-state")).ToHaveTextAsync("退回补正");
        await Expect(page.Locator("#reopen")).ToHaveCountAsync(0);

        // An admin reopens the second; it waits for a person again.
        var admin = await SignInAsync(WebAppFixture.Admin);
        await admin.GotoAsync($"/cases/{second}", BrowserFixture.ReadyGoto);
        await admin.Locator("#reopen-form input[name=reason]").FillAsync("公章在第二页，需复核");
        await admin.Locator("#reopen").ClickAsync();
        await admin.WaitForPageAsync(new Regex("saved=1"));
        await Expect(admin.Locator("#decision")).ToContainTextAsync("尚待决定");
        await admin.Locator("#audit summary").ClickAsync();
        await Expect(admin.Locator("#audit tbody tr").First).ToContainTextAsync(WebAppFixture.Admin);
        await browser.ScreenshotAsync(admin, "22-case-reopened");

        // The notice of the returned package, rendered to PDF by LibreOffice.
        await admin.GotoAsync($"/cases/{third}", BrowserFixture.ReadyGoto);
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#notice").ClickAsync());
        var docx = Path.Combine(browser.Screenshots, "23-notice.docx");
        await download.SaveAsAsync(docx);
        var pdf = await OfficePdf.ToPdfAsync(docx);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(pdf), StringComparison.Ordinal);

        await page.GotoAsync("/review", BrowserFixture.ReadyGoto);
        await browser.ScreenshotAsync(page, "24-review-queue-after");
        await File.WriteAllLinesAsync(Path.Combine(browser.Screenshots, "review-keys.txt"), actions);
    }

    [ChromiumFact]
    public async Task ReviewControls_AreStyled_ChoicesShowTheirState_FindingAndControlsSideBySide_FocusPlainlyVisible()
    {
        // As the admin, who may change a decided case too: the workflow test beside this one decides D13 or not.
        var page = await SignInAsync(WebAppFixture.Admin);
        await page.GotoAsync("/review", BrowserFixture.ReadyGoto);
        Assert.Equal("block", await Style(page.Locator("#counts li a").First, "display"));
        Assert.Equal("rgb(47, 111, 222)", await Style(page.Locator("#start"), "backgroundColor"));

        // D13 has two warnings: each finding's text on the left, its choices and reason on the right.
        await page.GotoAsync("/cases/D13?from=queue", BrowserFixture.ReadyGoto);
        var finding = page.Locator("ol.review-findings > li").First;
        var text = (await finding.Locator("div").First.BoundingBoxAsync())!;
        var controls = (await finding.Locator(".controls").BoundingBoxAsync())!;
        Assert.True(controls.X >= text.X + text.Width, $"controls at x={controls.X}, text ends at {text.X + text.Width}");
        Assert.True(controls.Y < text.Y + text.Height, "the controls sit beside the finding, not under it");

        // A chosen answer reads at a glance (a filled button), the other stays plain.
        await finding.Locator("input[value=upheld]").CheckAsync();
        Assert.Equal("rgb(30, 123, 70)", await Style(finding.Locator("label:has(input[value=upheld])"), "backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await Style(finding.Locator("label:has(input[value=dismissed])"), "backgroundColor"));
        await finding.Locator("input[value=dismissed]").CheckAsync();
        Assert.Equal("rgb(179, 38, 30)", await Style(finding.Locator("label:has(input[value=dismissed])"), "backgroundColor"));

        // By keyboard from the reason field, Tab lands on 保存并下一个 with a solid blue ring.
        await page.Locator("#reason").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("save-next", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        Assert.Equal("rgb(47, 111, 222)", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineColor"));
        await browser.ScreenshotAsync(page, "25-case-review-controls");
        await page.Locator("#review").ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "26-review-section.png") });
    }

    private static Task<string> Style(ILocator element, string property) =>
        element.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    private Task<IPage> SignInAsync(string user) => browser.SignedInPageAsync(app.BaseAddress, user, WebAppFixture.Password);

    private static string CaseId(string url) => CaseIdPattern().Match(url) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : "";

    [GeneratedRegex("/cases/([^?#/]+)")]
    private static partial Regex CaseIdPattern();
}

/// <summary>The review app for the browser test (its own, so the API tests' decisions do not meet it).</summary>
public sealed class ReviewBrowserAppFixture : WebAppFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Review:CallClosesAt", DateTimeOffset.UtcNow.AddYears(1).ToString("O", CultureInfo.InvariantCulture))];
}
