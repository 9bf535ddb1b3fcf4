using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace CaseIngest.Documents.Pdf;

/// <summary>A horizontal ruling at y = <see cref="At"/> from x = <see cref="From"/> to <see cref="To"/>, or a vertical
/// one at x = <see cref="At"/> from y = <see cref="From"/> to <see cref="To"/> (points).</summary>
public readonly record struct PdfRuling(double At, double From, double To);

/// <summary>
/// The ruling lines of a page, which is all the table structure a PDF keeps: thin filled rectangles, axis-parallel
/// lines, and the edges of stroked rectangles, each subpath on its own (writers draw a table's borders in one path).
/// </summary>
public sealed class PdfRulings
{
    /// <summary>Thicker than this a rectangle is a shape, not a rule (points).</summary>
    public const double Thin = 3;

    public required IReadOnlyList<PdfRuling> Horizontal { get; init; }

    public required IReadOnlyList<PdfRuling> Vertical { get; init; }

    public static PdfRulings Of(Page page)
    {
        var horizontal = new List<PdfRuling>();
        var vertical = new List<PdfRuling>();
        foreach (var path in page.Paths)
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } r)
                {
                    continue;
                }

                if (r.Height <= Thin && r.Width > Thin)
                {
                    horizontal.Add(new PdfRuling((r.Bottom + r.Top) / 2, r.Left, r.Right));
                }
                else if (r.Width <= Thin && r.Height > Thin)
                {
                    vertical.Add(new PdfRuling((r.Left + r.Right) / 2, r.Bottom, r.Top));
                }
                else if (r.Width > Thin && r.Height > Thin && (path.IsStroked || subpath.Commands.OfType<PdfSubpath.Line>().Any()))
                {
                    foreach (var line in subpath.Commands.OfType<PdfSubpath.Line>())
                    {
                        AddLine(line.From, line.To, horizontal, vertical);
                    }
                }
            }
        }

        return new PdfRulings { Horizontal = horizontal, Vertical = vertical };
    }

    private static void AddLine(PdfPoint from, PdfPoint to, List<PdfRuling> horizontal, List<PdfRuling> vertical)
    {
        if (Math.Abs(from.Y - to.Y) <= Thin && Math.Abs(from.X - to.X) > Thin)
        {
            horizontal.Add(new PdfRuling((from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        }
        else if (Math.Abs(from.X - to.X) <= Thin && Math.Abs(from.Y - to.Y) > Thin)
        {
            vertical.Add(new PdfRuling((from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
        }
    }
}
