using CaseIngest.Abstractions.Plugins;
using CaseIngest.Documents.Images;
using CaseIngest.Documents.Pages;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.FormFields.Layout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace CaseIngest.Plugins.FormFields.Scans;

/// <summary>The form read from a scan: its rows, the file's pages that hold it, and how many pages were looked at.</summary>
internal sealed record ScannedForm(FormLayout Layout, IReadOnlySet<int> Pages, int PagesLookedAt);

/// <summary>
/// Reads the form off a scanned file: each page as an image (JPEG and PNG as they are; PDF pages and TIFF frames
/// through the documents library's rasteriser, as the host's page images and OcrStamps see them), each through
/// <see cref="ScanPageReader"/>; the pages that hold the form's table make one layout.
/// </summary>
internal sealed class ScanFormReader(ScanPageReader pages, OcrEngineProvider engines, IOptions<FormFieldsOptions> options)
{
    private static readonly string[] s_images = [".jpg", ".jpeg", ".png", ".bmp"];

    private readonly PageRasteriser _rasteriser = new(PageRasterSettings.Default with
    {
        Pdftoppm = options.Value.Pdftoppm,
        MaxPagePixels = options.Value.MaxPagePixels,
    });

    /// <summary>Whether a file with this extension can hold a scan this reader reads.</summary>
    public static bool Reads(string extension) => s_images.Contains(extension) || PageRasteriser.Renders(extension);

    /// <param name="only">The pages to look at (a PDF holding other documents too); null: the whole file.</param>
    /// <returns>The form, or null when no page holds its table.</returns>
    /// <exception cref="PageRenderException">The file's pages could not be rendered.</exception>
    public async Task<ScannedForm?> ReadAsync(PackageFile file, IReadOnlySet<int>? only, ILogger logger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Directory.CreateTempSubdirectory("formfields-scan-");
        try
        {
            var layout = new FormLayout { Scanned = true };
            var found = new SortedSet<int>();
            var images = await PageImagesAsync(file, only, folder.FullName, settings, cancellationToken);
            TableSpan? previous = null;
            foreach (var (number, path) in images)
            {
                using var page = Cv2.ImRead(path, ImreadModes.Color);
                if (page.Empty())
                {
                    logger.LogWarning("Page {Page} of {File} could not be decoded; not read as a form", number, file.Name);
                    previous = null;
                    continue;
                }

                // The form's table goes on over the pages that follow one of its pages (LibreOffice and Word break its
                // last rows onto the next page, a few cells): those are read for the form too, their first row joined
                // to the row it continues.
                var continuing = found.Contains(number - 1) ? previous : null;
                var read = await pages.ReadAsync(page, engines, continuing, settings.MinimumTableCells, settings.Ocr.DetectionMaxSide, cancellationToken);
                previous = read?.Table;
                if (read is not null)
                {
                    PageBreakRows.Append(layout, read.Rows);
                    found.Add(number);
                }
            }

            return found.Count == 0 ? null : new ScannedForm(layout, found, images.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<List<(int Number, string Path)>> PageImagesAsync(PackageFile file, IReadOnlySet<int>? only, string folder,
        FormFieldsOptions settings, CancellationToken cancellationToken)
    {
        if (s_images.Contains(file.Extension))
        {
            // Decoding a page of absurd size could exhaust memory: its header tells the size first.
            await using var stream = file.OpenRead();
            var size = ImageHeader.ReadSize(stream);
            var fits = size is null || (long)size.Value.Width * size.Value.Height <= settings.MaxPagePixels;
            return fits && (only is null || only.Contains(1)) ? [(1, file.Path)] : [];
        }

        var span = only is null ? PageSpan.FirstPages(settings.MaxScanPages) : new PageSpan(only.Min(), Math.Min(only.Max(), only.Min() + settings.MaxScanPages - 1));
        var rendered = await _rasteriser.RenderAsync(file.Name, file.Path, folder, settings.ScanDpi, span, cancellationToken);
        return rendered.Where(p => p.Path is not null && (only is null || only.Contains(p.Number))).Select(p => (p.Number, p.Path!)).ToList();
    }
}
