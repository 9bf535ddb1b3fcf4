using CaseIngest.Documents.Images;
using CaseIngest.Documents.Pages;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Imaging;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using UglyToad.PdfPig;

namespace CaseIngest.Plugins.OcrStamps.Pages;

/// <summary>
/// Turns a signature-page file into page images: .jpg/.png/.bmp directly, and for a .pdf of scans the one image each page
/// holds (taken out with PdfPig, not re-rendered). Every frame of a .tif and a PDF page without a single image go
/// through the documents library's page rasteriser, the one the host's page images are made with (pdftoppm for PDF).
/// Sizes are checked before decoding.
/// </summary>
internal sealed class PageImageLoader(IOptions<OcrStampsOptions> options)
{
    private const int MaxTiffFrames = 1000;

    private static readonly string[] s_imageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"];

    private readonly bool _libPngOrdered = NativeLoadOrder.EnsureSystemLibPngFirst();

    private readonly PageRasteriser _rasteriser = new(new PageRasterSettings(
        options.Value.Pdftoppm, TimeSpan.FromSeconds(options.Value.RasterTimeoutSeconds), options.Value.MaxPagePixels));

    public static bool IsSupported(string extension) => extension == ".pdf" || s_imageExtensions.Contains(extension);

    /// <param name="only">The signature pages of a PDF that holds other documents too (a report, a form); null: every page.</param>
    public async Task<List<PageImage>> LoadAsync(string name, string path, CancellationToken cancellationToken, IReadOnlySet<int>? only = null)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".pdf" => await LoadPdfAsync(name, path, only, cancellationToken),
                ".tif" or ".tiff" => await LoadTiffAsync(name, path, cancellationToken),
                _ => [LoadImageFile(name, path)],
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or OpenCVException or FormatException)
        {
            return [PageImage.Failed(name, 1, $"无法读取文件：{ex.Message}")];
        }
    }

    /// <summary>Every frame through the documents library's rasteriser, as the host's page images are made: the page
    /// numbers and pixels OCR reads are the ones a reviewer sees.</summary>
    private async Task<List<PageImage>> LoadTiffAsync(string name, string path, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ocrstamps-");
        try
        {
            var frames = await _rasteriser.RenderAsync(name, path, folder.FullName, options.Value.RasterDpi, PageSpan.FirstPages(MaxTiffFrames), cancellationToken);
            return frames.Count == 0
                ? [PageImage.Failed(name, 1, "TIFF 图像没有页面")]
                : frames.Select(frame => frame.Path is null
                    ? PageImage.Failed(name, frame.Number, TooLarge(frame.Width, frame.Height)!)
                    : Read(name, frame.Number, frame.Path)).ToList();
        }
        catch (PageRenderException ex)
        {
            return [PageImage.Failed(name, 1, $"TIFF 图像无法解码（文件损坏或格式不受支持）：{ex.Message}")];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static PageImage Read(string name, int number, string png)
    {
        var image = Cv2.ImRead(png, ImreadModes.Color);
        if (!image.Empty())
        {
            return PageImage.Of(name, number, image);
        }

        image.Dispose();
        return PageImage.Failed(name, number, $"第 {number} 页栅格化结果无法解码");
    }

    private string? HeaderProblem(string path)
    {
        using var stream = File.OpenRead(path);
        return ImageHeader.ReadSize(stream) is { } size ? TooLarge(size.Width, size.Height) : null;
    }

    private PageImage LoadImageFile(string name, string path)
    {
        if (HeaderProblem(path) is { } problem)
        {
            return PageImage.Failed(name, 1, problem);
        }

        var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            return PageImage.Failed(name, 1, "图像无法解码（文件损坏或格式不受支持）");
        }

        return PageImage.Of(name, 1, image);
    }

    private async Task<List<PageImage>> LoadPdfAsync(string name, string path, IReadOnlySet<int>? only, CancellationToken cancellationToken)
    {
        var pages = new List<PageImage>();
        using var document = PdfDocument.Open(path);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (only is not null && !only.Contains(number))
            {
                continue;
            }

            var page = document.GetPage(number);
            var images = page.GetImages().ToList();
            if (images.Count == 1)
            {
                var image = images[0];
                if (TooLarge(image.WidthInSamples, image.HeightInSamples) is { } problem)
                {
                    pages.Add(PageImage.Failed(name, number, problem));
                    continue;
                }

                if (Decode(image) is { } decoded)
                {
                    pages.Add(PageImage.Of(name, number, decoded));
                    continue;
                }
            }

            pages.Add(await RasteriseAsync(name, path, number, page.Width, page.Height, cancellationToken));
        }

        return pages;
    }

    private static Mat? Decode(UglyToad.PdfPig.Content.IPdfImage image)
    {
        // A scanner's PDF holds the JPEG as is (DCTDecode): OpenCV decodes those bytes; other encodings via PdfPig's PNG.
        var raw = image.RawMemory.ToArray();
        var decoded = raw.Length > 2 && raw[0] == 0xFF && raw[1] == 0xD8 ? Cv2.ImDecode(raw, ImreadModes.Color) : null;
        if (decoded is { } jpeg && !jpeg.Empty())
        {
            return jpeg;
        }

        decoded?.Dispose();
        if (image.TryGetPng(out var png))
        {
            var fromPng = Cv2.ImDecode(png, ImreadModes.Color);
            if (!fromPng.Empty())
            {
                return fromPng;
            }

            fromPng.Dispose();
        }

        return null;
    }

    private async Task<PageImage> RasteriseAsync(string name, string path, int number, double widthPt, double heightPt, CancellationToken cancellationToken)
    {
        var dpi = options.Value.RasterDpi;
        if (TooLarge((int)(widthPt / 72 * dpi), (int)(heightPt / 72 * dpi)) is { } problem)
        {
            return PageImage.Failed(name, number, problem);
        }

        var folder = Directory.CreateTempSubdirectory("ocrstamps-");
        try
        {
            var rendered = await _rasteriser.RenderAsync(name, path, folder.FullName, dpi, PageSpan.Page(number), cancellationToken);
            return rendered is [{ Path: { } png }] ? Read(name, number, png) : PageImage.Failed(name, number, $"第 {number} 页无法栅格化（pdftoppm 未输出图像）");
        }
        catch (PageRenderException ex) when (ex.Failure == PageRenderFailure.ToolMissing)
        {
            return PageImage.Failed(name, number,
                $"第 {number} 页不是单张扫描图像，需要 pdftoppm（poppler-utils）栅格化，但未安装：{options.Value.Pdftoppm}");
        }
        catch (PageRenderException ex)
        {
            return PageImage.Failed(name, number, $"第 {number} 页无法栅格化（{ex.Message}）");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string? TooLarge(int width, int height)
    {
        var pixels = (long)width * height;
        return pixels > options.Value.MaxPagePixels || width <= 0 || height <= 0
            ? $"图像尺寸 {width}×{height} 超出上限（{options.Value.MaxPagePixels} 像素），未做识别"
            : null;
    }
}
