using OpenCvSharp;

namespace CaseIngest.Ocr.Imaging;

/// <summary>
/// Straightens a slightly rotated scan. The signature page's long straight lines (the blocks' frames, text baselines)
/// give the angle: the median angle of the long near-horizontal segments Hough finds.
/// </summary>
public static class Deskewer
{
    private const double MaxSkewDegrees = 8;
    private const double IgnoreBelowDegrees = 0.2;
    private const double WorkingWidth = 800;

    /// <summary>The page's skew in degrees (positive = the content is rotated clockwise), 0 when unsure.</summary>
    public static double MeasureSkew(Mat grey)
    {
        // 800 pixels across and quarter-degree bins keep the Hough transform cheap next to OCR (at 1200 px and
        // tenth-degree bins it cost a fifth of a page's OCR); the median over many segments is finer than a bin.
        var scale = Math.Min(1.0, WorkingWidth / grey.Width);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        using var edges = new Mat();
        Cv2.Threshold(small, edges, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        var segments = Cv2.HoughLinesP(edges, 1, Math.PI / 720, threshold: 80, minLineLength: small.Width * 0.25, maxLineGap: 6);
        var angles = segments
            .Select(s => Math.Atan2(s.P2.Y - s.P1.Y, s.P2.X - s.P1.X) * 180 / Math.PI)
            .Select(a => a > 90 ? a - 180 : a < -90 ? a + 180 : a)
            .Where(a => Math.Abs(a) <= MaxSkewDegrees)
            .Order()
            .ToList();
        return angles.Count == 0 ? 0 : angles[angles.Count / 2];
    }

    /// <summary>Rotates the image by -skew about its centre, filling the corners with white; null when straight enough.</summary>
    public static Mat? Straighten(Mat image, double skewDegrees)
    {
        if (Math.Abs(skewDegrees) < IgnoreBelowDegrees)
        {
            return null;
        }

        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(image.Width / 2f, image.Height / 2f), skewDegrees, 1.0);
        var straight = new Mat();
        var white = image.Channels() == 1 ? new Scalar(255) : new Scalar(255, 255, 255);
        Cv2.WarpAffine(image, straight, rotation, image.Size(), InterpolationFlags.Linear, BorderTypes.Constant, white);
        return straight;
    }
}
