using CaseIngest.Ocr.Marks;
using OpenCvSharp;
using SkiaSharp;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The checkboxes of a list of choices on a page image, as LibreOffice prints them and a scanner returns them.</summary>
public sealed class CheckboxFinderTests
{
    private const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    // At 200 dpi: the characters 12 pt (33 px), the boxes 2.5 mm (20 px) drawn with a one-pixel outline, as D10's are.
    private const int FontPixels = 33;
    private const int BoxSide = 20;
    private const int MinSide = 15;
    private const int MaxSide = 47;

    [Fact]
    public void Find_ThinBoxTouchingItsLabel_FoundByItsHoleAndEmpty_Issue17()
    {
        // GIVEN a line of choices whose first □ touches the character after it (D10's □业务融合创新类: box and 业 are
        // one shape on the scan, so only the box's hole tells it), the others standing free
        using var line = DrawLine(touchingFirst: true, out var first);

        // WHEN the checkboxes are looked for
        var boxes = CheckboxFinder.Find(line, new Rect(0, 0, line.Width, line.Height), MinSide, MaxSide);

        // THEN all four are found, the touching one where it was drawn, and all empty
        Assert.True(boxes.Count == 4, string.Join(" ", boxes.Select(b => b.Box)));
        Assert.Contains(boxes, b => Math.Abs(b.Box.X - first.X) <= 2 && Math.Abs(b.Box.Width - first.Width) <= 3);
        Assert.All(boxes, b => Assert.False(b.Ticked));
    }

    /// <summary>□业务融合创新类 □经营管理类 □新型数字基础设施类 □产品/装备创新类, as a grey page image.</summary>
    private static Mat DrawLine(bool touchingFirst, out Rect first)
    {
        using var bitmap = new SKBitmap(1500, 80);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var typeface = SKTypeface.FromFile(FontPath);
            using var font = new SKFont(typeface, FontPixels);
            using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var outline = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
            const float baseline = 50;
            var top = baseline - FontPixels / 2f - BoxSide / 2f + 4;
            var x = 10f;
            first = new Rect((int)x, (int)top, BoxSide + 1, BoxSide + 1);
            foreach (var label in new[] { "业务融合创新类", "经营管理类", "新型数字基础设施类", "产品/装备创新类" })
            {
                canvas.DrawRect(x + 0.5f, top + 0.5f, BoxSide, BoxSide, outline);
                // The first label's character overlaps the box's right side by a pixel: one shape once inked.
                x += BoxSide + (touchingFirst && x < 20 ? -2 : 6);
                canvas.DrawText(label, x, baseline, SKTextAlign.Left, font, text);
                x += font.MeasureText(label) + 16;
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return Cv2.ImDecode(png.ToArray(), ImreadModes.Grayscale);
    }
}
