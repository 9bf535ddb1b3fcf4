using System.Globalization;
using CaseIngest.Documents.Images;
using CaseIngest.Documents.Tools;

namespace CaseIngest.Documents.Pages;

/// <summary>PDF pages to PNG or JPEG (<see cref="PageRasterSettings.PdfPageFormat"/>) with poppler's pdftoppm: one
/// process per call, stopped when it outlives the timeout or the caller cancels. pdftoppm draws text, vectors and
/// images alike, so a typed page and a scanned one both come out.</summary>
internal sealed class PdfPageRenderer(PageRasterSettings settings)
{
    private const string Prefix = "p";

    private readonly (string[] Arguments, string Extension) _format = settings.PdfPageFormat switch
    {
        RenderedPageFormat.Jpeg => (["-jpeg", "-jpegopt", "quality=90"], ".jpg"),
        _ => (["-png"], ".png"),
    };

    public async Task<IReadOnlyList<RenderedPage>> RenderAsync(string fileName, string path, string folder, int dpi, PageSpan pages,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 1);
        // Its own folder per call: pdftoppm pads page numbers to the page count (p-1, p-01…), read back below.
        var output = Directory.CreateDirectory(Path.Combine(folder, "pdftoppm-" + Guid.NewGuid().ToString("N")));
        try
        {
            await RunAsync(fileName, path, output.FullName, dpi, pages, cancellationToken);
            return Collect(output.FullName, folder);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private async Task RunAsync(string fileName, string path, string output, int dpi, PageSpan pages, CancellationToken cancellationToken)
    {
        var run = await ExternalTool.RunAsync(settings.Pdftoppm,
            [
                "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", pages.First.ToString(CultureInfo.InvariantCulture),
                "-l", pages.Last.ToString(CultureInfo.InvariantCulture), .. _format.Arguments, "--", path, Path.Combine(output, Prefix),
            ], settings.Timeout, cancellationToken);
        if (!run.Started)
        {
            throw new PageRenderException(PageRenderFailure.ToolMissing, fileName, pages,
                $"{settings.Pdftoppm} could not be started (install poppler-utils): {run.Error}");
        }

        if (run.TimedOut)
        {
            throw new PageRenderException(PageRenderFailure.TimedOut, fileName, pages,
                $"rendering took longer than {settings.Timeout.TotalSeconds:0} s and was stopped");
        }

        if (run.ExitCode != 0)
        {
            throw new PageRenderException(PageRenderFailure.ToolFailed, fileName, pages,
                $"pdftoppm could not render it (exit {run.ExitCode}): {run.Error.Trim()}");
        }
    }

    /// <summary>pdftoppm's <c>p-7.png</c> / <c>p-07.png</c> becomes <c>7.png</c> in the caller's folder (<c>.jpg</c> alike).</summary>
    private List<RenderedPage> Collect(string output, string folder)
    {
        var pages = new List<RenderedPage>();
        foreach (var rendered in Directory.EnumerateFiles(output, Prefix + "-*" + _format.Extension))
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(rendered)[(Prefix.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            var target = Path.Combine(folder, number.ToString(CultureInfo.InvariantCulture) + _format.Extension);
            File.Move(rendered, target, overwrite: true);
            using var stream = File.OpenRead(target);
            var size = ImageHeader.ReadSize(stream) ?? (0, 0);
            pages.Add(new RenderedPage(number, target, size.Width, size.Height));
        }

        pages.Sort((a, b) => a.Number.CompareTo(b.Number));
        return pages;
    }
}
