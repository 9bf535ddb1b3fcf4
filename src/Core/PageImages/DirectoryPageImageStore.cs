using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using CaseIngest.Core.Storage;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.PageImages;

/// <summary>Page images on disk beside the package store: <c>&lt;store&gt;/pages/ab/abcdef…/1.png</c>. A file's pages
/// are rendered into a temporary folder and moved into place whole, so a crash or a second worker never leaves half a
/// file's pages under its address.</summary>
public sealed class DirectoryPageImageStore : IPageImageStore
{
    private static readonly Dictionary<string, string> s_browserImages = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private readonly string _root;
    private readonly PageImageOptions _options;

    public DirectoryPageImageStore(IOptions<StoreOptions> store, IOptions<PageImageOptions> options)
    {
        _root = Path.Combine(Path.GetFullPath(store.Value.Path), "pages");
        _options = options.Value;
    }

    public async Task<int> RenderAsync(string fileName, string filePath, string fileSha256, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || !IsAddress(fileSha256))
        {
            return 0;
        }

        var folder = FolderOf(fileSha256);
        if (Directory.Exists(folder))
        {
            return Directory.EnumerateFiles(folder).Count();
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension != ".pdf" && !s_browserImages.ContainsKey(extension))
        {
            return 0;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        var temporary = folder + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(temporary);
        try
        {
            if (extension == ".pdf")
            {
                await RenderPdfAsync(fileName, filePath, temporary, cancellationToken);
            }
            else
            {
                File.Copy(filePath, Path.Combine(temporary, "1" + extension));
            }

            var pages = Directory.EnumerateFiles(temporary).Count();
            try
            {
                Directory.Move(temporary, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another worker kept the same file meanwhile: theirs stays.
                Directory.Delete(temporary, recursive: true);
            }

            return pages;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public StoredPageImage? Find(string fileSha256, int page)
    {
        if (!IsAddress(fileSha256) || page < 1)
        {
            return null;
        }

        var folder = FolderOf(fileSha256);
        foreach (var (extension, contentType) in s_browserImages)
        {
            var path = Path.Combine(folder, page.ToString(CultureInfo.InvariantCulture) + extension);
            if (File.Exists(path))
            {
                return new StoredPageImage(path, contentType);
            }
        }

        return null;
    }

    /// <summary>pdftoppm writes <c>p-1.png</c>, <c>p-01.png</c>… (digits padded to the page count): renamed to the page number.</summary>
    private async Task RenderPdfAsync(string fileName, string filePath, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.Pdftoppm)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-r", _options.Dpi.ToString(CultureInfo.InvariantCulture), "-l", _options.MaxPages.ToString(CultureInfo.InvariantCulture), "-png", "--", filePath, Path.Combine(folder, "p") })
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{_options.Pdftoppm} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{_options.Pdftoppm} is missing (install poppler-utils) to render {fileName}", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw cancellationToken.IsCancellationRequested
                    ? new OperationCanceledException(cancellationToken)
                    : new TimeoutException($"Rendering {fileName} took longer than {_options.TimeoutSeconds} s");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidDataException($"pdftoppm could not render {fileName} (exit {process.ExitCode}): {(await errors).Trim()}");
            }
        }

        foreach (var rendered in Directory.EnumerateFiles(folder, "p-*.png"))
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(rendered)[2..], NumberStyles.None, CultureInfo.InvariantCulture);
            File.Move(rendered, Path.Combine(folder, number.ToString(CultureInfo.InvariantCulture) + ".png"));
        }
    }

    private string FolderOf(string sha256) => Path.Combine(_root, sha256[..2], sha256.ToLowerInvariant());

    private static bool IsAddress(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run to replace; the address is untouched.
        }
    }
}
