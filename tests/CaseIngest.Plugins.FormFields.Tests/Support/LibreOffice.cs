using System.Diagnostics;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>Converts documents with the real LibreOffice (<c>soffice --headless --convert-to pdf</c>).</summary>
internal static class LibreOffice
{
    public static string? Executable { get; } =
        new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    /// <summary>Converts every input to PDF in <paramref name="outputDirectory"/> in one soffice run; returns the PDF paths.</summary>
    public static async Task<List<string>> ConvertToPdfAsync(IReadOnlyList<string> inputs, string outputDirectory)
    {
        // A private profile: a concurrent soffice elsewhere on the machine would otherwise take this run over.
        var profile = Directory.CreateTempSubdirectory("formfields-lo-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("soffice is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", outputDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var input in inputs)
        {
            start.ArgumentList.Add(input);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Directory.Delete(profile, recursive: true);
        var pdfs = inputs.Select(i => Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(i) + ".pdf")).ToList();
        var missing = pdfs.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0 ? pdfs
            : throw new InvalidOperationException($"soffice did not write {string.Join(", ", missing)}: {await output} {await error}");
    }
}

/// <summary>A theory that is skipped where LibreOffice is not installed.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.Executable is null)
        {
            Skip = "LibreOffice (soffice) is not installed";
        }
    }
}
