using OpenCvSharp;

namespace CaseIngest.Ocr.Engines;

/// <summary>Where a text line lies on a page: its four corners (top-left, top-right, bottom-right, bottom-left; a
/// line may be slightly rotated), in the page's pixels.</summary>
public sealed record TextRegion(Point2f[] Corners)
{
    /// <summary>True when only the line's beginning is kept (<see cref="Beginning"/>): its text is not all of the line.</summary>
    public bool Cut { get; init; }

    /// <summary>What marks the end of a cut line's text: the line goes on, unread.</summary>
    public const string CutMark = "…";

    /// <summary>The text read from this region as a line's text (a cut line's ends in <see cref="CutMark"/>).</summary>
    public string LineText(string read) => Cut ? read + CutMark : read;

    public Rect Bounds => Cv2.BoundingRect(Corners.Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))));

    /// <summary>The line's length along its baseline.</summary>
    public double Length => Math.Max(Corners[0].DistanceTo(Corners[1]), Corners[3].DistanceTo(Corners[2]));

    /// <summary>The line's height across it.</summary>
    public double Height => Math.Max(Corners[0].DistanceTo(Corners[3]), Corners[1].DistanceTo(Corners[2]));

    public static TextRegion Of(Rect box) =>
        new([new(box.Left, box.Top), new(box.Right, box.Top), new(box.Right, box.Bottom), new(box.Left, box.Bottom)]);

    /// <summary>The region scaled by <paramref name="factor"/> (from a scaled-down page back to the page).</summary>
    public TextRegion Scaled(double factor) =>
        this with { Corners = Corners.Select(p => new Point2f((float)(p.X * factor), (float)(p.Y * factor))).ToArray() };

    /// <summary>The first <paramref name="length"/> pixels of the line along its baseline (the whole line when shorter).</summary>
    public TextRegion Beginning(double length)
    {
        if (length >= Length)
        {
            return this;
        }

        var share = (float)(length / Length);
        var (topLeft, topRight, bottomRight, bottomLeft) = (Corners[0], Corners[1], Corners[2], Corners[3]);
        return new TextRegion([topLeft, topLeft + (topRight - topLeft) * share, bottomLeft + (bottomRight - bottomLeft) * share, bottomLeft])
        {
            Cut = true,
        };
    }
}
