using System.Diagnostics;

namespace CaseIngest.Plugins.StructureChecks.Tests.Support;

/// <summary>Converts documents with the real LibreOffice (<c>soffice --headless</c>), in a profile of its own so that
/// parallel conversions on the machine do not share a lock.</summary>
internal static class LibreOffice
{
    public static string? Executable =>
        new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    public static async Task<string> ConvertToPdfAsync(string docx, string outputFolder, CancellationToken cancellationToken)
    {
        var profile = Path.Combine(Path.GetTempPath(), "sc-lo-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("LibreOffice is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", outputFolder, docx })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // the profile is scratch
            }
        }

        var pdf = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(docx) + ".pdf");
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException($"soffice made no PDF: {await output} {await errors}");
    }
}
