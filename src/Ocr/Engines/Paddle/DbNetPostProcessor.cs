using OpenCvSharp;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// Turns DBNet's probability map into text boxes the way PaddleOCR's DBPostProcess does: threshold the map, take each
/// connected region's minimum-area rectangle, keep those whose mean probability is high enough, and grow each by
/// area × ratio / perimeter (the "unclip") because DBNet predicts shrunk text kernels.
/// </summary>
internal sealed class DbNetPostProcessor(
    float pixelThreshold = 0.3f, float boxThreshold = 0.6f, double unclipRatio = 1.6, int maxCandidates = 1000)
{
    private const float MinSide = 3;

    /// <summary>Boxes as rotated rectangles in the probability map's pixels.</summary>
    public IReadOnlyList<RotatedRect> FindBoxes(Mat probability)
    {
        using var binary = new Mat();
        Cv2.Threshold(probability, binary, pixelThreshold, 255, ThresholdTypes.Binary);
        using var mask = new Mat();
        binary.ConvertTo(mask, MatType.CV_8UC1);
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        var boxes = new List<RotatedRect>();
        foreach (var contour in contours.Take(maxCandidates))
        {
            var rect = Cv2.MinAreaRect(contour);
            if (Math.Min(rect.Size.Width, rect.Size.Height) < MinSide)
            {
                continue;
            }

            if (MeanInside(probability, contour) < boxThreshold)
            {
                continue;
            }

            var area = rect.Size.Width * rect.Size.Height;
            var perimeter = 2 * (rect.Size.Width + rect.Size.Height);
            var grow = (float)(area * unclipRatio / perimeter);
            var grown = new RotatedRect(rect.Center, new Size2f(rect.Size.Width + 2 * grow, rect.Size.Height + 2 * grow), rect.Angle);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < MinSide + 2)
            {
                continue;
            }

            boxes.Add(grown);
        }

        return boxes;
    }

    private static double MeanInside(Mat probability, Point[] contour)
    {
        var bounds = Cv2.BoundingRect(contour) & new Rect(0, 0, probability.Width, probability.Height);
        if (bounds.Width <= 0 || bounds.Height <= 0)
        {
            return 0;
        }

        using var mask = new Mat(bounds.Height, bounds.Width, MatType.CV_8UC1, Scalar.Black);
        var shifted = contour.Select(p => new Point(p.X - bounds.X, p.Y - bounds.Y)).ToArray();
        Cv2.FillPoly(mask, [shifted], Scalar.White);
        using var region = new Mat(probability, bounds);
        return Cv2.Mean(region, mask).Val0;
    }
}
