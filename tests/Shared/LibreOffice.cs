using System.Diagnostics;

namespace CaseIngest.Testing;

/// <summary>Converts documents with the real LibreOffice (<c>soffice --headless --convert-to pdf|docx</c>), the way an
/// applicant's word processor exports a text PDF.</summary>
internal static class LibreOffice
{
    public static string? Executable { get; } =
        new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public const string MissingReason = "LibreOffice (soffice) is not installed: scripts/setup.sh --test installs it";

    /// <summary>Converts every input to PDF in <paramref name="outputDirectory"/> in one soffice run; returns the PDF paths.</summary>
    public static Task<List<string>> ConvertToPdfAsync(IReadOnlyList<string> inputs, string outputDirectory,
        CancellationToken cancellationToken = default) => ConvertAsync(inputs, outputDirectory, "pdf", cancellationToken);

    /// <summary>Converts every input to <paramref name="extension"/> (<c>pdf</c>, <c>docx</c>…) in
    /// <paramref name="outputDirectory"/> in one soffice run, the way a user's "save as" in LibreOffice writes it;
    /// returns the output paths.</summary>
    public static async Task<List<string>> ConvertAsync(IReadOnlyList<string> inputs, string outputDirectory, string extension,
        CancellationToken cancellationToken = default)
    {
        // A private profile: a concurrent soffice elsewhere on the machine would otherwise take this run over.
        var profile = Directory.CreateTempSubdirectory("caseingest-lo-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", extension, "--outdir", outputDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var input in inputs)
        {
            start.ArgumentList.Add(input);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(profile, recursive: true);
        }

        var outputs = inputs.Select(i => Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(i) + "." + extension)).ToList();
        var missing = outputs.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0 ? outputs
            : throw new InvalidOperationException($"soffice did not write {string.Join(", ", missing)}: {await output} {await error}");
    }

    /// <summary>Converts one document; returns the PDF's path.</summary>
    public static async Task<string> ConvertToPdfAsync(string input, string outputDirectory, CancellationToken cancellationToken = default) =>
        (await ConvertToPdfAsync([input], outputDirectory, cancellationToken))[0];
}

/// <summary>A fact that is skipped, with the reason, where LibreOffice is not installed.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Executable is null)
        {
            Skip = LibreOffice.MissingReason;
        }
    }
}

/// <summary>A theory that is skipped, with the reason, where LibreOffice is not installed.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.Executable is null)
        {
            Skip = LibreOffice.MissingReason;
        }
    }
}
