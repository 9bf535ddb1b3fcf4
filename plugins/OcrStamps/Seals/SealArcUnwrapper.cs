using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Seals;

/// <summary>
/// Unrolls the ring of text along a round seal's edge into a straight strip (a polar transform): the organisation's
/// name runs clockwise from the lower left, over the top, to the lower right, with the characters' tops outwards.
/// Row 0 of the strip is the outer radius, columns follow the reading direction.
/// </summary>
internal static class SealArcUnwrapper
{
    private const double OuterRadius = 0.92;
    private const double InnerRadius = 0.56;

    // In image coordinates (y down) 90° points straight down; the text starts a little left of the bottom.
    private const double StartDegrees = 112;
    private const double SweepDegrees = 316;

    public static Mat Unwrap(Mat inkGrey, DetectedSeal seal)
    {
        var outer = seal.Radius * OuterRadius;
        var inner = seal.Radius * InnerRadius;
        var height = Math.Max(8, (int)Math.Round(outer - inner));
        var middle = (outer + inner) / 2;
        var width = Math.Max(16, (int)Math.Round(middle * SweepDegrees * Math.PI / 180));

        using var mapX = new Mat(height, width, MatType.CV_32FC1);
        using var mapY = new Mat(height, width, MatType.CV_32FC1);
        var xs = new float[height * width];
        var ys = new float[height * width];
        for (var column = 0; column < width; column++)
        {
            var angle = (StartDegrees + SweepDegrees * column / (width - 1)) * Math.PI / 180;
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            for (var row = 0; row < height; row++)
            {
                var radius = outer - (outer - inner) * row / (height - 1);
                xs[row * width + column] = (float)(seal.Center.X + radius * cos);
                ys[row * width + column] = (float)(seal.Center.Y + radius * sin);
            }
        }

        mapX.SetArray(xs);
        mapY.SetArray(ys);
        var strip = new Mat();
        Cv2.Remap(inkGrey, strip, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(255));
        return strip;
    }
}
