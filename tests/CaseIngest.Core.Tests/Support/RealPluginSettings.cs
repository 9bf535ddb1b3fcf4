using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Support;

/// <summary>The core over the repository's real plugins (artifacts/&lt;Configuration&gt;/plugins, built with the host),
/// with the OCR of the signature page off unless asked for: the tests that use it look at documents, not seals.</summary>
internal static class RealPluginSettings
{
    public static ServiceProvider Build(TestHostFolder host, IDictionary<string, string?>? settings = null, bool ocr = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plugins:Path"] = TestPaths.BuiltPlugins,
            ["Plugins:OcrStamps:Enabled"] = ocr ? "true" : "false",
            ["Conversion:CachePath"] = Path.Combine(host.Root, "conversions"),
            // A hang guard, not a timing assertion: a form sent as a scan is read by OCR page by page, which under the
            // shared machine's load outlasted the two-minute default (a merged PDF's two-page form scan, D02).
            ["Plugins:FormFields:TimeoutSeconds"] = "600",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return host.BuildCore(values);
    }
}
