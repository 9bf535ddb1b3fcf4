using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using CaseIngest.Documents.Images;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr.Imaging;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using UglyToad.PdfPig;

namespace CaseIngest.Plugins.OcrStamps.Pages;

/// <summary>
/// Turns a signature-page file into page images: .jpg/.png/.bmp directly, every page of a .tif, and for a .pdf of scans
/// the one image each page holds (taken out with PdfPig, not re-rendered); a PDF page without a single image is
/// rasterised with poppler's pdftoppm when it is installed. Sizes are checked before decoding.
/// </summary>
internal sealed class PageImageLoader(IOptions<OcrStampsOptions> options)
{
    private static readonly string[] s_imageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"];

    private readonly bool _libPngOrdered = NativeLoadOrder.EnsureSystemLibPngFirst();

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
                ".tif" or ".tiff" => LoadTiff(name, path),
                _ => [LoadImageFile(name, path)],
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or OpenCVException or FormatException)
        {
            return [PageImage.Failed(name, 1, $"无法读取文件：{ex.Message}")];
        }
    }

    private List<PageImage> LoadTiff(string name, string path)
    {
        if (HeaderProblem(path) is { } problem)
        {
            return [PageImage.Failed(name, 1, problem)];
        }

        // Only the first page's size is checked before decoding; the pages after it are checked once decoded.
        if (!Cv2.ImReadMulti(path, out var mats, ImreadModes.Color) || mats.Length == 0)
        {
            return [PageImage.Failed(name, 1, "TIFF 图像无法解码（文件损坏或格式不受支持）")];
        }

        return mats.Select((mat, i) => TooLarge(mat.Width, mat.Height) is { } tooLarge
            ? Dispose(mat, PageImage.Failed(name, i + 1, tooLarge))
            : PageImage.Of(name, i + 1, mat)).ToList();

        static PageImage Dispose(Mat mat, PageImage failed)
        {
            mat.Dispose();
            return failed;
        }
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
            var start = new ProcessStartInfo(options.Value.PdftoppmPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number.ToString(CultureInfo.InvariantCulture),
                         "-l", number.ToString(CultureInfo.InvariantCulture), "-png", "-singlefile", path, Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var output = Path.Combine(folder.FullName, "page.png");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                return PageImage.Failed(name, number, $"第 {number} 页无法栅格化（pdftoppm 退出码 {process.ExitCode}：{(await errors).Trim()}）");
            }

            var image = Cv2.ImRead(output, ImreadModes.Color);
            return image.Empty() ? PageImage.Failed(name, number, $"第 {number} 页栅格化结果无法解码") : PageImage.Of(name, number, image);
        }
        catch (Win32Exception)
        {
            return PageImage.Failed(name, number,
                $"第 {number} 页不是单张扫描图像，需要 pdftoppm（poppler-utils）栅格化，但未安装：{options.Value.PdftoppmPath}");
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
