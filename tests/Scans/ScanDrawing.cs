using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CaseIngest.Testing;

/// <summary>What the tests draw on scans they make: seals, a skew, the encodings a scanner writes.</summary>
internal static class ScanDrawing
{
    private static readonly SKColor s_sealRed = new(215, 35, 40);

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A PDF of scans: one A4 page holding the JPEG, as a scanner's "scan to PDF" writes it.</summary>
    public static byte[] ToPdf(IEnumerable<SKBitmap> pages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var page in pages)
        {
            var pdfPage = builder.AddPage(595, 842);
            pdfPage.AddJpeg(Encode(page, SKEncodedImageFormat.Jpeg), new PdfRectangle(0, 0, 595, 842));
        }

        return builder.Build();
    }

    /// <summary>A red round official seal (ring, organisation along the arc, star) printed over what is there in
    /// multiply mode, as ink is.</summary>
    public static void Seal(SKCanvas canvas, SKTypeface typeface, SKPoint center, float radius, string organization)
    {
        using var ring = new SKPaint { Color = s_sealRed, Style = SKPaintStyle.Stroke, StrokeWidth = radius * 0.06f, IsAntialias = true, BlendMode = SKBlendMode.Multiply };
        using var fill = new SKPaint { Color = s_sealRed, Style = SKPaintStyle.Fill, IsAntialias = true, BlendMode = SKBlendMode.Multiply };
        canvas.DrawCircle(center, radius * 0.96f, ring);

        // The name runs clockwise over the top, characters upright towards the rim.
        using var font = new SKFont(typeface, radius * 0.26f);
        var sweep = Math.Min(250f, organization.Length * 22f);
        for (var i = 0; i < organization.Length; i++)
        {
            var angle = -90 - sweep / 2 + sweep * (i + 0.5f) / organization.Length;
            canvas.Save();
            canvas.Translate(center.X, center.Y);
            canvas.RotateDegrees(angle + 90);
            canvas.DrawText(organization[i].ToString(), 0, -radius * 0.62f, SKTextAlign.Center, font, fill);
            canvas.Restore();
        }

        var points = Enumerable.Range(0, 10).Select(k =>
        {
            var r = k % 2 == 0 ? radius * 0.28f : radius * 0.11f;
            var a = -Math.PI / 2 + k * Math.PI / 5;
            return FormattableString.Invariant($"{center.X + r * Math.Cos(a):0.##} {center.Y + r * Math.Sin(a):0.##}");
        });
        using var star = SKPath.ParseSvgPathData("M " + string.Join(" L ", points) + " Z");
        canvas.DrawPath(star, fill);
    }

    /// <summary>The page turned by <paramref name="degrees"/> about its centre, as a sheet lies askew on a scanner;
    /// <paramref name="source"/> is disposed.</summary>
    public static SKBitmap Rotate(SKBitmap source, double degrees)
    {
        var rotated = new SKBitmap(source.Width, source.Height, source.ColorType, source.AlphaType);
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.Clear(SKColors.White);
            canvas.Translate(source.Width / 2f, source.Height / 2f);
            canvas.RotateDegrees((float)degrees);
            canvas.Translate(-source.Width / 2f, -source.Height / 2f);
            canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), new SKPaint { IsAntialias = true });
        }

        source.Dispose();
        return rotated;
    }
}
