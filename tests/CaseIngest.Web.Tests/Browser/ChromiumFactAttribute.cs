namespace CaseIngest.Web.Tests.Browser;

/// <summary>A test that needs Debian's chromium; skipped, saying why, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium) to run the browser tests.";
        }
    }
}
