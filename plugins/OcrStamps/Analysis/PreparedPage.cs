using CaseIngest.Ocr.Imaging;
using CaseIngest.Plugins.OcrStamps.Seals;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>
/// A signature page made ready for OCR: straightened, as grey with the seal ink suppressed, its seals found and each
/// seal's square kept as dark ink for reading its arc later. Every colour copy of the page is released before the
/// engines run: a lane then holds one grey page (a third of a colour one) while the other lane's detection peaks.
/// </summary>
internal sealed class PreparedPage(Mat grey, double skewDegrees, IReadOnlyList<DetectedSeal> seals, List<Mat> sealInks) : IDisposable
{
    /// <summary>The straightened page in the red channel (seal ink as bright as the paper).</summary>
    public Mat Grey { get; } = grey;

    public double SkewDegrees { get; } = skewDegrees;

    /// <summary>The seals in <see cref="Grey"/>'s pixels, top to bottom; <c>sealInks</c> holds each one's square.</summary>
    public IReadOnlyList<DetectedSeal> Seals { get; } = seals;

    /// <param name="page">The page as scanned (BGR or grey); not changed and not kept.</param>
    public static PreparedPage From(Mat page, SealDetector sealDetector)
    {
        using var converted = page.Channels() == 3 ? null : page.CvtColor(ColorConversionCodes.GRAY2BGR);
        var original = converted ?? page;
        var grey = SealInkSuppressor.RedChannelAsGrey(original);
        var inks = new List<Mat>();
        try
        {
            var skew = Deskewer.MeasureSkew(grey);
            using var straight = Deskewer.Straighten(original, skew);
            if (straight is not null)
            {
                grey.Dispose();
                grey = SealInkSuppressor.RedChannelAsGrey(straight);
            }

            var colour = straight ?? original;
            var seals = sealDetector.Detect(colour);
            inks.AddRange(seals.Select(seal => InkSquare(colour, seal)));
            return new PreparedPage(grey, skew, seals, inks);
        }
        catch
        {
            grey.Dispose();
            inks.ForEach(ink => ink.Dispose());
            throw;
        }
    }

    /// <summary>The ring of text of the <paramref name="index"/>th seal as a strip, dark red ink on white.</summary>
    public Mat UnwrapArc(int index)
    {
        var seal = Seals[index];
        var square = SquareOf(seal, Grey);
        var local = seal with { Center = new Point2f(seal.Center.X - square.X, seal.Center.Y - square.Y) };
        return SealArcUnwrapper.Unwrap(sealInks[index], local);
    }

    public void Dispose()
    {
        Grey.Dispose();
        sealInks.ForEach(ink => ink.Dispose());
    }

    /// <summary>Only the seal's square is converted to ink: a seal is a few percent of the page.</summary>
    private static Mat InkSquare(Mat colour, DetectedSeal seal)
    {
        using var region = new Mat(colour, SquareOf(seal, colour));
        return RedInk.AsDarkInk(region);
    }

    private static Rect SquareOf(DetectedSeal seal, Mat page) => seal.Box & new Rect(0, 0, page.Width, page.Height);
}
