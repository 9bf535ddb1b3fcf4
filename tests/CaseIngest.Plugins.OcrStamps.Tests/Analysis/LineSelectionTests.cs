using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Seals;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Tests.Analysis;

public sealed class LineSelectionTests
{
    private const int LineHeight = 40;

    [Fact]
    public void Choose_ShortLines_ReadWhole()
    {
        // GIVEN a label (7 characters) and a date (about 8 character widths), away from any seal
        var label = Line(x: 100, y: 500, characters: 7);
        var date = Line(x: 1500, y: 900, characters: 8);

        var chosen = LineSelection.Choose([label, date], []);

        Assert.Equal([label, date], chosen);
        Assert.All(chosen, c => Assert.False(c.Cut));
    }

    [Fact]
    public void Choose_LongLineAwayFromSeals_OnlyItsBeginningIsRead()
    {
        // GIVEN an opinion line of 30 characters
        var opinion = Line(x: 100, y: 700, characters: 30);

        var chosen = Assert.Single(LineSelection.Choose([opinion], []));

        // THEN only as much as a label at its start takes is read, from its left end, and it is marked as cut
        Assert.True(chosen.Cut);
        Assert.Equal(LineSelection.BeginningLength * LineHeight, chosen.Length, 1);
        Assert.Equal(opinion.Bounds.Left, chosen.Bounds.Left);
        Assert.Equal(opinion.Bounds.Top, chosen.Bounds.Top);
        Assert.Equal("同意申报" + TextRegion.CutMark, chosen.LineText("同意申报"));
    }

    [Fact]
    public void Choose_LongLineBesideASeal_ReadWhole()
    {
        // GIVEN a long line (a seal label merged with the seal's own text) crossing a seal
        var merged = Line(x: 1400, y: 1300, characters: 16);
        var seal = new DetectedSeal(new Point2f(1700, 1320), 230, 1.0);

        var chosen = Assert.Single(LineSelection.Choose([merged], [seal]));

        Assert.Same(merged, chosen);
    }

    [Fact]
    public void Beginning_SlightlyRotatedLine_FollowsTheBaseline()
    {
        // GIVEN a line rotated so that its right end is 20 pixels lower
        var line = new TextRegion([new(0, 0), new(1000, 20), new(1000, 60), new(0, 40)]);

        var beginning = line.Beginning(500);

        Assert.Equal(500, beginning.Length, 0);
        Assert.Equal(10, beginning.Corners[1].Y, 1);
        Assert.Equal(50, beginning.Corners[2].Y, 1);
    }

    private static TextRegion Line(int x, int y, int characters) => TextRegion.Of(new Rect(x, y, characters * LineHeight, LineHeight));
}
