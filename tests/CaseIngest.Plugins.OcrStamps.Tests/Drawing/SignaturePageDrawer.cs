using SkiaSharp;

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
                    ScanDrawing.Seal(canvas, typeface, c, 20 * mm, organization);
                }
            }
        }

        return spec.RotationDegrees == 0 ? bitmap : ScanDrawing.Rotate(bitmap, spec.RotationDegrees);
    }
}
