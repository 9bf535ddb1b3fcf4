namespace CaseIngest.Documents.Pages;

/// <summary>
/// The one page rasteriser of the host and the plugins: the pages of a PDF (poppler's pdftoppm, at a given dpi) or of a
/// multi-page TIFF (one image per frame, at the frame's own resolution) written as <c>&lt;number&gt;.png</c> (a PDF's
/// as <c>.jpg</c> when the settings ask for JPEG) into a folder the caller owns. Browser images (JPEG, PNG) are no job
/// for it: they are pages as they are.
/// </summary>
public sealed class PageRasteriser
{
    private readonly PdfPageRenderer _pdf;
    private readonly TiffFrameRenderer _tiff;

    public PageRasteriser(PageRasterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _pdf = new PdfPageRenderer(settings);
        _tiff = new TiffFrameRenderer(settings);
    }

    /// <summary>Whether a file with this extension (<c>.pdf</c>, any case) has pages to render.</summary>
    public static bool Renders(string extension) => KindOf(extension) is not FileKind.None;

    /// <summary>The pages in <paramref name="pages"/> that the file has, in page order; a PDF at <paramref name="dpi"/>.
    /// A TIFF frame with more pixels than allowed comes back without a path.</summary>
    /// <exception cref="PageRenderException">The file's pages could not be rendered; its message names file and pages.</exception>
    public Task<IReadOnlyList<RenderedPage>> RenderAsync(string fileName, string path, string folder, int dpi, PageSpan pages,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return KindOf(Path.GetExtension(fileName)) switch
        {
            FileKind.Pdf => _pdf.RenderAsync(fileName, path, folder, dpi, pages, cancellationToken),
            FileKind.Tiff => _tiff.RenderAsync(fileName, path, folder, pages, cancellationToken),
            _ => throw new ArgumentException($"{fileName} is neither a PDF nor a TIFF", nameof(fileName)),
        };
    }

    private static FileKind KindOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => FileKind.Pdf,
        ".tif" or ".tiff" => FileKind.Tiff,
        _ => FileKind.None,
    };

    private enum FileKind
    {
        None,
        Pdf,
        Tiff,
    }
}
