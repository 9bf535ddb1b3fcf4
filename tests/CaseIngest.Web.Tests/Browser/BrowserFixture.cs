using Microsoft.Playwright;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>One headless Debian chromium for a test class, driven by Playwright (no browser download), and the folder
/// the tests save their screenshots and downloads to.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as <paramref name="user"/> through the sign-in form, on the page sign-in lands on
    /// (the search page; an expert's 我的评审).</summary>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string user, string password, string landing = "**/search")
    {
        var page = await NewPageAsync(baseAddress);
        await page.GotoAsync("/login", BrowserFixture.ReadyGoto);
        await page.FillAsync("#name", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForPageAsync(landing);
        return page;
    }

    /// <summary>A full-page screenshot once everything the page shows has arrived (its images: the signature pages). The
    /// steps before it wait only for the document (<see cref="ReadyGoto"/>, <see cref="PageNavigation"/>); the picture is what needs the images.</summary>
    /// <remarks>It waits for the images themselves rather than the <c>load</c> event: in one CI run (load about 11 on two
    /// cores) the signature page's <c>load</c> never reached Playwright within 30 s although the network had gone idle,
    /// and the tour failed on a page that was there. The images are what the picture needs, so they are what is awaited,
    /// with room for a loaded machine.</remarks>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync(ImagesArrived, null, new PageWaitForFunctionOptions { Timeout = 90_000, PollingInterval = 100 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>Every HTML image complete, and every SVG image (the signature pages' figures) fetched: an SVG image has no
    /// <c>complete</c>, its resource-timing entry is there once its response has ended.</summary>
    private const string ImagesArrived = """
        () => document.readyState !== 'loading'
            && [...document.images].every(i => i.complete)
            && [...document.querySelectorAll('svg image')].every(i =>
                performance.getEntriesByName(new URL(i.href.baseVal, document.baseURI).href).some(e => e.responseEnd > 0))
        """;

    /// <summary>What a navigation in these tests waits for: the new document parsed, not every image on it loaded.
    /// Waiting for <c>load</c> (Playwright's default) made each step wait for the signature page images as well, which
    /// under a loaded machine ran past the 30 s navigation timeout; the assertions that follow wait for what they read.
    /// A click's or a form's page is waited for by <see cref="PageNavigation"/>.</summary>
    public static PageGotoOptions ReadyGoto => new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
    }
}
