using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Pages;

/// <summary>One page of a signature-page file as a BGR image, or the reason it could not be had.</summary>
internal sealed class PageImage : IDisposable
{
    private PageImage(string file, int page, Mat? image, string? problem)
    {
        File = file;
        Page = page;
        Image = image;
        Problem = problem;
    }

    /// <summary>The file's name inside the package.</summary>
    public string File { get; }

    /// <summary>1-based page within the file.</summary>
    public int Page { get; }

    public Mat? Image { get; private set; }

    /// <summary>Why there is no image (in Chinese, for the finding), or null.</summary>
    public string? Problem { get; }

    /// <summary>Set when the page was scaled down to the working size: the original size.</summary>
    public Size? DownscaledFrom { get; private set; }

    public static PageImage Of(string file, int page, Mat image) => new(file, page, image, null);

    public static PageImage Failed(string file, int page, string problem) => new(file, page, null, problem);

    /// <summary>Scales an oversized page down so OCR works on at most <paramref name="maxSide"/> pixels a side.</summary>
    public void LimitSize(int maxSide)
    {
        if (Image is null || Math.Max(Image.Width, Image.Height) <= maxSide)
        {
            return;
        }

        var scale = (double)maxSide / Math.Max(Image.Width, Image.Height);
        var smaller = new Mat();
        Cv2.Resize(Image, smaller, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        DownscaledFrom = Image.Size();
        Image.Dispose();
        Image = smaller;
    }

    public void Dispose()
    {
        Image?.Dispose();
        Image = null;
    }
}
