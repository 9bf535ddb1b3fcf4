using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Seals;

/// <summary>A red round seal found on a page: its circle in the page's pixels and how seal-like it looked (0–1).</summary>
internal sealed record DetectedSeal(Point2f Center, float Radius, double Confidence)
{
    public Rect Box => new(
        (int)Math.Round(Center.X - Radius), (int)Math.Round(Center.Y - Radius),
        (int)Math.Round(2 * Radius), (int)Math.Round(2 * Radius));
}
