using System.Diagnostics;
using System.Globalization;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>A .docx rendered to PDF by LibreOffice (soffice, headless, a profile of its own so runs never share one),
/// and a picture of its first page beside it (pdftoppm), to look at.</summary>
internal static class OfficePdf
{
    public static async Task<string> ToPdfAsync(string docx, int previewDpi = 60)
    {
        var outDir = Path.GetDirectoryName(docx)!;
        var profile = Path.Combine(Path.GetTempPath(), "caseingest-lo-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(new ProcessStartInfo("soffice",
            ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        Directory.Delete(profile, recursive: true);
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice made no PDF: {await process.StandardError.ReadToEndAsync()}");
        using var render = Process.Start("pdftoppm", ["-png", "-r", previewDpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1",
            "-singlefile", pdf, Path.ChangeExtension(pdf, null)]);
        await render.WaitForExitAsync();
        return pdf;
    }
}
