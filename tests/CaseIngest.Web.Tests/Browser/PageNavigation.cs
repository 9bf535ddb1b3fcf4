using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>
/// Waits for the page a click or a form leads to: its address, and its document parsed (not every image loaded; the
/// assertions that follow wait for what they read).
/// </summary>
/// <remarks>
/// Playwright .NET's <c>WaitForURLAsync</c> checks the address and then subscribes to the events that change it; an
/// event delivered between the two is lost (microsoft/playwright-dotnet#3364) and the wait runs to its timeout although
/// the page is there — seen in CI on a loaded machine, with "Load" and "NetworkIdle" logged as fired. So when the wait
/// times out, the page itself is asked: the address it is at (kept by the client from events it does receive) and its
/// document's ready state. Only a page that is really not there fails.
/// </remarks>
public static partial class PageNavigation
{
    private static readonly PageWaitForURLOptions s_parsed = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    public static Task WaitForPageAsync(this IPage page, Regex url) =>
        WaitAsync(page, url.IsMatch, () => page.WaitForURLAsync(url, s_parsed));

    /// <param name="glob">Playwright's glob over the whole address: <c>**</c> any characters, <c>*</c> any but <c>/</c>.</param>
    public static Task WaitForPageAsync(this IPage page, string glob) =>
        WaitAsync(page, GlobPattern(glob).IsMatch, () => page.WaitForURLAsync(glob, s_parsed));

    public static Task WaitForPageAsync(this IPage page, Func<string, bool> url) =>
        WaitAsync(page, url, () => page.WaitForURLAsync(url, s_parsed));

    private static async Task WaitAsync(IPage page, Func<string, bool> arrived, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException)
        {
            if (!arrived(page.Url) || await page.EvaluateAsync<string>("document.readyState") == "loading")
            {
                throw;
            }
        }
    }

    private static Regex GlobPattern(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", "\u0001", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace("\u0001", ".*", StringComparison.Ordinal) + "$");
}
