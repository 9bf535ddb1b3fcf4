using OpenCvSharp;

namespace CaseIngest.Ocr.Marks;

/// <summary>
/// Finds printed checkboxes (□ ☑ ☒ ■) in a region of a page image and tells ticked from empty by the ink inside them:
/// a checkbox is a square outline about as high as the text beside it, closed on all four sides; its inside is blank
/// when empty, and a tick, a cross or a fill inks a good part of it. Characters that are boxes too (口, 回, 国) pass the
/// same test, so a caller looks at boxes only where several stand in a row (a list of choices).
/// </summary>
public static class CheckboxFinder
{
    private const double MinAspect = 0.75;
    private const double MaxAspect = 1.33;
    private const double SideInked = 0.8;
    private const double TickedFill = 0.1;

    /// <summary>The checkboxes inside <paramref name="region"/> of an 8-bit grey page, left to right and top to bottom;
    /// a box is <paramref name="minSide"/> to <paramref name="maxSide"/> pixels a side.</summary>
    public static IReadOnlyList<Checkbox> Find(Mat grey, Rect region, int minSide, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(grey);
        region &= new Rect(0, 0, grey.Width, grey.Height);
        if (region.Width <= 0 || region.Height <= 0)
        {
            return [];
        }

        using var area = new Mat(grey, region);
        using var ink = new Mat();
        Cv2.Threshold(area, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        Cv2.FindContours(ink, out var contours, out var hierarchy, RetrievalModes.CComp, ContourApproximationModes.ApproxSimple);

        var boxes = new List<Checkbox>();
        for (var i = 0; i < contours.Length; i++)
        {
            var box = Cv2.BoundingRect(contours[i]);
            if (hierarchy[i].Parent >= 0)
            {
                // A hole: an empty box whose outline touches the character beside it is no shape of its own, but its
                // inside still is a square hole; the box is the hole and its outline. A hole's contour runs over the
                // outline's inner pixels already, so one more pixel reaches any outline, a thin one included: growing by
                // a stroke guessed from the size put a one-pixel side (LibreOffice's □ at 200 dpi) outside the box's
                // edge bands, and D10's first box, touching its 业, went unseen.
                box = new Rect(box.X - 1, box.Y - 1, box.Width + 2, box.Height + 2) & new Rect(0, 0, ink.Width, ink.Height);
                if (boxes.Any(b => (b.Box & new Rect(box.X + region.X, box.Y + region.Y, box.Width, box.Height)).Width > 0))
                {
                    continue;
                }
            }

            var aspect = (double)box.Width / box.Height;
            if (box.Width < minSide || box.Height < minSide || box.Width > maxSide || box.Height > maxSide
                || aspect < MinAspect || aspect > MaxAspect || !Outlined(ink, box))
            {
                continue;
            }

            var fill = InsideFill(ink, box);
            // Sure from half the threshold's distance on: a blank box (fill 0) and a plain tick (about 0.2) both are.
            var certainty = Math.Min(1, Math.Abs(fill - TickedFill) / (TickedFill / 2));
            var found = new Rect(box.X + region.X, box.Y + region.Y, box.Width, box.Height);
            if (!boxes.Any(b => (b.Box & found).Width > 0))
            {
                boxes.Add(new Checkbox(found, fill, fill >= TickedFill, certainty));
            }
        }

        return boxes.OrderBy(b => b.Box.Y / Math.Max(1, minSide)).ThenBy(b => b.Box.X).ToList();
    }

    /// <summary>Whether each of the box's four sides is inked along most of its length.</summary>
    private static bool Outlined(Mat ink, Rect box)
    {
        var band = Math.Max(2, Math.Min(box.Width, box.Height) / 8);
        return Inked(ink, new Rect(box.X, box.Y, box.Width, band), ReduceDimension.Row)
            && Inked(ink, new Rect(box.X, box.Bottom - band, box.Width, band), ReduceDimension.Row)
            && Inked(ink, new Rect(box.X, box.Y, band, box.Height), ReduceDimension.Column)
            && Inked(ink, new Rect(box.Right - band, box.Y, band, box.Height), ReduceDimension.Column);
    }

    private static bool Inked(Mat ink, Rect band, ReduceDimension across)
    {
        using var region = new Mat(ink, band);
        using var profile = new Mat();
        Cv2.Reduce(region, profile, across, ReduceTypes.Max, -1);
        return (double)Cv2.CountNonZero(profile) / profile.Total() >= SideInked;
    }

    /// <summary>The inked share of the box's inside, its outline left out.</summary>
    private static double InsideFill(Mat ink, Rect box)
    {
        var inset = Math.Max(2, Math.Min(box.Width, box.Height) / 5);
        var inside = new Rect(box.X + inset, box.Y + inset, box.Width - 2 * inset, box.Height - 2 * inset);
        if (inside.Width <= 0 || inside.Height <= 0)
        {
            return 0;
        }

        using var region = new Mat(ink, inside);
        return (double)Cv2.CountNonZero(region) / (inside.Width * inside.Height);
    }
}
