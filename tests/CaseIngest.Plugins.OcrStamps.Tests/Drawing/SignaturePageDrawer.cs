using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CaseIngest.Plugins.OcrStamps.Tests.Drawing;

/// <summary>Where a drawn seal goes.</summary>
internal enum SealPlace
{
    None,
    ApplicantBlock,
    RecommenderBlock,
    Header,
}

/// <summary>A signature page to draw: the two blocks' dates and seals, the resolution and a rotation.</summary>
internal sealed record SignaturePageSpec
{
    public int Dpi { get; init; } = 200;
    public double RotationDegrees { get; init; }
    public string ApplicantUnit { get; init; } = "杭州明湖智能装备股份有限公司";
    public string RecommenderUnit { get; init; } = "浙江省企业联合会";
    public string? ApplicantDate { get; init; } = "2026年5月20日";
    public string? RecommenderDate { get; init; } = "2026年6月3日";
    public IReadOnlyList<(SealPlace Place, string Organization)> Seals { get; init; } = [];
}

/// <summary>
/// Draws a signature page like the form's: title, the 申报单位 and 推荐单位 blocks in frames with their labels, opinion,
/// date, and red round seals (ring, organisation along the arc, star) printed over the text in multiply mode as ink is.
/// </summary>
internal static class SignaturePageDrawer
{
    private const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private static readonly SKColor s_ink = new(25, 25, 35);
    private static readonly SKColor s_sealRed = new(215, 35, 40);

    public static SKBitmap Draw(SignaturePageSpec spec)
    {
        var mm = spec.Dpi / 25.4f;
        var bitmap = new SKBitmap((int)(210 * mm), (int)(297 * mm), SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        using (var typeface = SKTypeface.FromFile(FontPath))
        {
            canvas.Clear(SKColors.White);
            void Text(string text, float xMm, float yMm, float sizeMm) =>
                canvas.DrawText(text, xMm * mm, yMm * mm, SKTextAlign.Left, new SKFont(typeface, sizeMm * mm), new SKPaint { Color = s_ink, IsAntialias = true });
            void Frame(float topMm, float bottomMm) =>
                canvas.DrawRect(20 * mm, topMm * mm, 170 * mm, (bottomMm - topMm) * mm,
                    new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 0.3f * mm, IsAntialias = true });

            Text("第八届智慧企业建设创新案例申报表（签章页）", 20, 25, 6);
            Text("案例名称：生产线智能排产与质量管控", 20, 40, 4.2f);
            Text($"申报单位：{spec.ApplicantUnit}", 20, 48, 4.2f);
            Frame(56, 132);
            Text("申报单位意见：", 24, 65, 4.2f);
            Text("同意申报。本单位承诺所报材料真实可靠，案例不涉及国家秘密。", 30, 78, 4.2f);
            Text("申报单位盖章", 120, 108, 4.2f);
            Text(spec.ApplicantDate ?? "年    月    日", 122, 120, 4.2f);
            Frame(142, 218);
            Text("推荐单位意见：", 24, 151, 4.2f);
            Text("经审核，该案例材料真实完整，同意推荐。", 30, 163, 4.2f);
            Text($"推荐单位：{spec.RecommenderUnit}", 24, 175, 4.2f);
            Text("推荐单位盖章", 120, 196, 4.2f);
            Text(spec.RecommenderDate ?? "年    月    日", 122, 208, 4.2f);

            foreach (var (place, organization) in spec.Seals)
            {
                var center = place switch
                {
                    SealPlace.ApplicantBlock => new SKPoint(138 * mm, 110 * mm),
                    SealPlace.RecommenderBlock => new SKPoint(138 * mm, 198 * mm),
                    SealPlace.Header => new SKPoint(150 * mm, 30 * mm),
                    _ => (SKPoint?)null,
                };
                if (center is { } c)
                {
                    DrawSeal(canvas, typeface, c, 20 * mm, organization);
                }
            }
        }

        return spec.RotationDegrees == 0 ? bitmap : Rotate(bitmap, spec.RotationDegrees);
    }

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

    private static void DrawSeal(SKCanvas canvas, SKTypeface typeface, SKPoint center, float radius, string organization)
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

    private static SKBitmap Rotate(SKBitmap source, double degrees)
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
