using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Seals;

/// <summary>Where a colour scan holds red ink: clearly more red than green and blue, and saturated enough.</summary>
internal static class RedInk
{
    /// <summary>How much redder than its other channels a pixel must be to count as seal ink.</summary>
    private const int MinRedExcess = 50;

    /// <summary>255 where red ink is, else 0.</summary>
    public static Mat Mask(Mat bgr)
    {
        using var excess = RedExcess(bgr);
        var mask = new Mat();
        Cv2.Threshold(excess, mask, MinRedExcess, 255, ThresholdTypes.Binary);
        return mask;
    }

    /// <summary>The redness as a dark-on-white grey image (red ink black, everything else white), for reading seal text.</summary>
    public static Mat AsDarkInk(Mat bgr)
    {
        using var excess = RedExcess(bgr);
        var ink = new Mat();
        excess.ConvertTo(ink, MatType.CV_8UC1, -2.0, 255);
        return ink;
    }

    /// <summary>Per pixel, red minus the larger of green and blue (saturating at 0).</summary>
    private static Mat RedExcess(Mat bgr)
    {
        var channels = bgr.Split();
        try
        {
            using var greenOrBlue = new Mat();
            Cv2.Max(channels[0], channels[1], greenOrBlue);
            var excess = new Mat();
            Cv2.Subtract(channels[2], greenOrBlue, excess);
            return excess;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }
}
