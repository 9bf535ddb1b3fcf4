using CaseIngest.Ocr.Imaging;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Seals;

/// <summary>
/// Finds red round official seals: red-ink regions, closed into blobs, whose enclosing circle is of a seal's size
/// (a 公章 is about 40 mm across) and whose rim is inked most of the way round. The confidence is the share of the
/// rim that is inked, lowered for blobs that are not round.
/// </summary>
internal sealed class SealDetector
{
    private const double MinDiameterMm = 25;
    private const double MaxDiameterMm = 60;
    private const double A4WidthMm = 210;
    private const double DetectionWidth = 1240;

    public IReadOnlyList<DetectedSeal> Detect(Mat bgr)
    {
        if (bgr.Channels() != 3)
        {
            return [];
        }

        // Seals are large: finding them at about 150 dpi is as reliable and costs a quarter of 300 dpi's work.
        var scale = Math.Min(1.0, DetectionWidth / bgr.Width);
        using var small = scale < 1 ? bgr.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area) : null;
        using var mask = RedInk.Mask(small ?? bgr);
        var pixelsPerMm = mask.Width / A4WidthMm;
        var minRadius = MinDiameterMm / 2 * pixelsPerMm;
        var maxRadius = MaxDiameterMm / 2 * pixelsPerMm;

        using var closed = new Mat();
        var kernelSize = Math.Max(3, (int)Math.Round(pixelsPerMm * 1.5)) | 1;
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(kernelSize, kernelSize));
        Cv2.MorphologyEx(mask, closed, MorphTypes.Close, kernel);
        Cv2.FindContours(closed, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

        var seals = new List<DetectedSeal>();
        byte[]? pixels = null;
        foreach (var contour in contours)
        {
            Cv2.MinEnclosingCircle(contour, out var center, out var radius);
            if (radius < minRadius || radius > maxRadius)
            {
                continue;
            }

            var bounds = Cv2.BoundingRect(contour);
            var roundness = Math.Min(bounds.Width, bounds.Height) / (double)Math.Max(bounds.Width, bounds.Height);
            pixels ??= MatBytes.ToArray(mask);
            var rim = RimCoverage(pixels, mask.Width, mask.Height, center, radius);
            var confidence = Math.Clamp(rim * Math.Min(1, roundness / 0.9), 0, 1);
            if (confidence > 0.2)
            {
                seals.Add(new DetectedSeal(new Point2f((float)(center.X / scale), (float)(center.Y / scale)), (float)(radius / scale), Math.Round(confidence, 3)));
            }
        }

        return seals.OrderBy(s => s.Center.Y).ToList();
    }

    /// <summary>The share of directions from the centre in which red ink lies near the circle's edge.</summary>
    private static double RimCoverage(byte[] mask, int width, int height, Point2f center, float radius)
    {
        const int Directions = 180;
        var hits = 0;
        for (var i = 0; i < Directions; i++)
        {
            var angle = 2 * Math.PI * i / Directions;
            var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
            for (var r = radius * 0.82; r <= radius * 1.02; r += 1)
            {
                var x = (int)Math.Round(center.X + r * dx);
                var y = (int)Math.Round(center.Y + r * dy);
                if (x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] != 0)
                {
                    hits++;
                    break;
                }
            }
        }

        return hits / (double)Directions;
    }
}
