using OpenCvSharp;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>Cuts a (possibly slightly rotated) text box out of a page as an upright strip for recognition.</summary>
internal static class TextLineCropper
{
    /// <summary>The box's corners ordered top-left, top-right, bottom-right, bottom-left.</summary>
    public static Point2f[] OrderCorners(IEnumerable<Point2f> corners)
    {
        var byX = corners.OrderBy(p => p.X).ToArray();
        var left = byX.Take(2).OrderBy(p => p.Y).ToArray();
        var right = byX.Skip(2).OrderBy(p => p.Y).ToArray();
        return [left[0], right[0], right[1], left[1]];
    }

    public static Mat Crop(Mat image, Point2f[] ordered)
    {
        var width = (float)Math.Max(ordered[0].DistanceTo(ordered[1]), ordered[3].DistanceTo(ordered[2]));
        var height = (float)Math.Max(ordered[0].DistanceTo(ordered[3]), ordered[1].DistanceTo(ordered[2]));
        width = Math.Max(width, 1);
        height = Math.Max(height, 1);
        Point2f[] target = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        using var transform = Cv2.GetPerspectiveTransform(ordered, target);
        var crop = new Mat();
        Cv2.WarpPerspective(image, crop, transform, new Size((int)Math.Round(width), (int)Math.Round(height)),
            InterpolationFlags.Cubic, BorderTypes.Replicate);
        if (crop.Height >= crop.Width * 1.5)
        {
            // PaddleOCR's rule: a box much taller than wide holds vertical text; turn it to read left to right.
            Cv2.Rotate(crop, crop, RotateFlags.Rotate90Counterclockwise);
        }

        return crop;
    }
}
