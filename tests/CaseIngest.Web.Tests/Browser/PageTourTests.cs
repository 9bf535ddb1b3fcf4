using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseIngest.Web.Tests.Evaluation;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static CaseIngest.Web.Tests.Evaluation.EvaluationWebAppFixture;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>Every page of the UI with a day's data, as each role sees it, saved full-page under
/// TestResults/screenshots/tour/NN-name.png (stable names: the same test run on an earlier commit gives the "before"
/// set), with a small JPEG copy of each under tour-small/ for docs/screenshots and the page list with each answer's
/// status in tour.txt. It asserts only what makes a picture worth keeping (the page answered as it should); what
/// each page must show is asserted by the tests of that page.</summary>
public sealed partial class PageTourTests(PageTourAppFixture app, BrowserFixture browser)
    : IClassFixture<PageTourAppFixture>, IClassFixture<BrowserFixture>
{
    private readonly List<string> _visited = [];

    private string Tour => Path.Combine(browser.Screenshots, "tour");

    [ChromiumFact]
    public async Task EveryPage_WithADaysData_SavedAsScreenshots()
    {
        Directory.CreateDirectory(Tour);
        await PrepareTheDayAsync();

        var visitor = await browser.NewPageAsync(app.BaseAddress);
        await VisitAsync(visitor, "01-login", "/login");

        var reviewer = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Reviewer, WebAppFixture.Password);
        await VisitAsync(reviewer, "02-search-results", "/search?q=" + Uri.EscapeDataString("智能制造"));
        await VisitAsync(reviewer, "03-search-all-facets-more", "/search", then: async page =>
        {
            // The folded facet values opened, where the page folds them.
            foreach (var more in await page.Locator("details.more summary").AllAsync())
            {
                await more.ClickAsync();
            }
        });
        await VisitAsync(reviewer, "04-search-page-3", "/search?pageSize=20&page=3");
        await VisitAsync(reviewer, "05-search-waiting", "/search?waiting=true");
        await VisitAsync(reviewer, "06-search-out-of-range", "/search?page=99");
        await VisitAsync(reviewer, "07-review-queue", "/review");
        await VisitAsync(reviewer, "08-case-waiting-with-decisions", "/cases/D12?from=queue");
        await VisitAsync(reviewer, "09-case-pdf-signature-page", "/cases/D13");
        await VisitAsync(reviewer, "10-signature-page-full-size", "/cases/D13/pages/1");
        await VisitAsync(reviewer, "11-report-view", "/cases/D01/report");
        await VisitAsync(reviewer, "12-intake", "/intake");
        await VisitAsync(reviewer, "13-denied", "/casebook", HttpStatusCode.Forbidden);

        await NoticeAsync("14-notice", "D10");

        var editor = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Editor, WebAppFixture.Password);
        await VisitAsync(editor, "15-case-editor-shortlisted", "/cases/D04");
        await VisitAsync(editor, "16-case-editor-rejected", "/cases/D10");
        await VisitAsync(editor, "17-casebook", "/casebook");

        var erin = await browser.SignedInPageAsync(app.BaseAddress, Erin, WebAppFixture.Password, landing: "**/expert");
        Record("18-expert-my-cases", "/expert (sign-in lands here)", 200);
        await ShotAsync(erin, "18-expert-my-cases");
        await VisitAsync(erin, "19-expert-score-sheet", "/expert/cases/D01");

        var admin = await browser.SignedInPageAsync(app.BaseAddress, WebAppFixture.Admin, WebAppFixture.Password);
        await VisitAsync(admin, "20-evaluation-ranking", "/evaluation");
        await VisitAsync(admin, "21-case-admin-evaluation", "/cases/D04");

        await VisitAsync(reviewer, "22-error-400", "/search?page=abc", HttpStatusCode.BadRequest);
        await VisitAsync(reviewer, "23-error-404", "/cases/D01/no-such-page", HttpStatusCode.NotFound);
        await VisitAsync(reviewer, "24-error-405", "/cases/D01/type", HttpStatusCode.MethodNotAllowed);
        await reviewer.GotoAsync("/cases/D01", BrowserFixture.ReadyGoto);
        await reviewer.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "caseingest.antiforgery" });
        var expired = await reviewer.RunAndWaitForResponseAsync(() => reviewer.Locator("#type button[type=submit]").First.ClickAsync(),
            r => r.Request.Method == "POST");
        Record("25-error-expired-form", "POST /cases/D01/type", expired.Status);
        await ShotAsync(reviewer, "25-error-expired-form");

        var locked = await browser.NewPageAsync(app.BaseAddress);
        await locked.GotoAsync("/login", BrowserFixture.ReadyGoto);
        IResponse? last = null;
        foreach (var guess in new[] { "wrong-1", "wrong-2", "wrong-3" })
        {
            await locked.FillAsync("#name", PageTourAppFixture.LockedOut);
            await locked.FillAsync("#password", guess);
            last = await locked.RunAndWaitForResponseAsync(() => locked.ClickAsync("form[action='/login'] button[type=submit]"),
                r => r.Request.Method == "POST");
        }

        Record("26-error-429", "POST /login ×3", last!.Status);
        Assert.Equal(429, last.Status);
        await ShotAsync(locked, "26-error-429");

        await File.WriteAllLinesAsync(Path.Combine(Tour, "tour.txt"), _visited);
        await SmallCopiesAsync();
    }

    /// <summary>The day behind the pictures: experts assigned and scoring (Erin halfway through D01), two cases 入选 and
    /// shortlisted, a finding dismissed on a case still waiting, a case returned for correction, one judged 不合规.</summary>
    private async Task PrepareTheDayAsync()
    {
        using (var admin = await app.SignedInAsync(WebAppFixture.Admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, "/evaluation", "/evaluation/assign", [])).StatusCode);
        }

        foreach (var expert in new[] { Ellen, Emma, Erin, Evan })
        {
            using var client = await app.SignedInAsync(expert);
            var cases = DataId().Matches(await client.Http.GetStringAsync("/expert")).Select(m => m.Groups[1].Value).Distinct().ToList();
            foreach (var id in cases)
            {
                var score = (id[^1] - '0' + expert.Length) % 3 + 3;
                var sheet = expert == Erin && id == "D01"
                    ? Sheet(EvaluationApiTests.Points.Take(7), 4, "save")
                    : Sheet(EvaluationApiTests.Points, score, "submit", new Dictionary<string, int> { ["P1"] = score - 2 });
                Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/expert/cases/{id}", $"/expert/cases/{id}", sheet)).StatusCode);
            }
        }

        using (var admin = await app.SignedInAsync(WebAppFixture.Admin))
        {
            foreach (var id in new[] { "D04", "D06" })
            {
                var selected = await PostFormAsync(admin, "/evaluation", $"/cases/{id}/selected", [new("selected", "1")]);
                Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);
            }
        }

        using (var editor = await app.SignedInAsync(WebAppFixture.Editor))
        {
            foreach (var (id, rating, note) in new[] { ("D04", 5, "经营管理数字化转型成效突出，数据扎实"), ("D06", 4, "装备创新点明确，建议补充绩效对比") })
            {
                var shortlisted = await editor.SendAsync(HttpMethod.Put, $"/api/cases/{id}/shortlist", new { rating, note });
                Assert.True(shortlisted.IsSuccessStatusCode, await shortlisted.Content.ReadAsStringAsync());
            }
        }

        using var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer);
        using var d12 = JsonDocument.Parse(await reviewer.Http.GetStringAsync("/api/cases/D12"));
        var finding = d12.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("severity").GetString() != "info");
        await DecideAsync(reviewer, "D12", new
        {
            revision = 0,
            findings = new[] { new { code = finding.GetProperty("code").GetString(), evidence = finding.GetProperty("evidence").GetString(), decision = "dismissed", reason = "引用的是政策原文，不是本单位自述" } },
        });
        await DecideAsync(reviewer, "D10", new { revision = 0, findings = Array.Empty<object>(), outcome = "returned", reason = "推荐单位公章缺失，请补正后重新提交" });
        await DecideAsync(reviewer, "X001", new { revision = 0, findings = Array.Empty<object>(), outcome = "non_compliant", reason = "正文不足 4000 字" });
    }

    private static async Task DecideAsync(AppClient reviewer, string id, object decision)
    {
        var response = await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{id}/review/decision", decision);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task VisitAsync(IPage page, string name, string path, HttpStatusCode expected = HttpStatusCode.OK, Func<IPage, Task>? then = null)
    {
        IResponse? response;
        try
        {
            response = await page.GotoAsync(path, BrowserFixture.ReadyGoto);
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            // An error status without a page (an earlier commit's bare 404): chromium's own error page is the picture.
            response = null;
        }

        Record(name, path, response?.Status ?? 0);
        // A page that should answer 200 but did not is a picture of a failure (the before set keeps pages that did not exist yet).
        Assert.True(response is null || response.Status == (int)expected || response.Status == 404, $"{path}: {response?.Status}");
        if (then is not null)
        {
            await then(page);
        }

        await ShotAsync(page, name);
    }

    private void Record(string name, string path, int status) =>
        _visited.Add(string.Create(CultureInfo.InvariantCulture, $"{name}\t{path}\t{status}"));

    private Task ShotAsync(IPage page, string name) => browser.ScreenshotAsync(page, Path.Combine("tour", name));

    /// <summary>The 补正通知 of a returned case as the admin downloads it, rendered by LibreOffice, its first page as a picture.</summary>
    private async Task NoticeAsync(string name, string id)
    {
        using var admin = await app.SignedInAsync(WebAppFixture.Admin);
        var docx = Path.Combine(Tour, name + ".docx");
        await File.WriteAllBytesAsync(docx, await admin.Http.GetByteArrayAsync($"/api/cases/{id}/notice.docx"));
        await OfficePdf.ToPdfAsync(docx, previewDpi: 80);
        File.Delete(docx);
        File.Delete(Path.ChangeExtension(docx, ".pdf"));
        Record(name, $"/api/cases/{id}/notice.docx", 200);
    }

    /// <summary>Each picture again as a JPEG at 55 % of its size (quality 50), small enough to commit: chromium
    /// itself scales it (no image tool on these machines), showing the PNG in a page at device scale 0.55.</summary>
    private async Task SmallCopiesAsync()
    {
        var small = Path.Combine(browser.Screenshots, "tour-small");
        Directory.CreateDirectory(small);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 0.55f,
        });
        var page = await context.NewPageAsync();
        foreach (var png in Directory.GetFiles(Tour, "*.png").Order(StringComparer.Ordinal))
        {
            var data = Convert.ToBase64String(await File.ReadAllBytesAsync(png));
            await page.SetContentAsync($"<html><body style=\"margin:0\"><img style=\"display:block;max-width:1280px\" src=\"data:image/png;base64,{data}\"></body></html>");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(small, Path.GetFileNameWithoutExtension(png) + ".jpg"),
                FullPage = true,
                Type = ScreenshotType.Jpeg,
                Quality = 50,
            });
        }
    }

    [GeneratedRegex("<tr data-id=\"([^\"]+)\"")]
    private static partial Regex DataId();
}
