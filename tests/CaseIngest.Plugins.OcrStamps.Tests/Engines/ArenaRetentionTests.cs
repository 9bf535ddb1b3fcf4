using CaseIngest.Ocr.Engines;
using CaseIngest.Ocr.Engines.Paddle;
using CaseIngest.Ocr.Imaging;
using CaseIngest.Plugins.OcrStamps.Seals;
using CaseIngest.Plugins.OcrStamps.Tests.Drawing;
using CaseIngest.Testing;
using OpenCvSharp;
using SkiaSharp;

namespace CaseIngest.Plugins.OcrStamps.Tests.Engines;

/// <summary>When PP-OCR's runs hand ONNX Runtime's arena back: above the process's memory budget only.</summary>
[Collection(OcrEnginesGroup.Name)]
public sealed class ArenaRetentionTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(499, false)]
    [InlineData(500, true)]
    [InlineData(900, true)]
    public void HandBackAfterRun_AgainstTheBudget_OnlyFromTheBudgetUp(long residentMiB, bool expected)
    {
        var retention = new ArenaRetention(500, () => residentMiB * MiB);

        Assert.Equal(expected, retention.HandBackAfterRun());
    }

    [Fact]
    public void HandBackAfterRun_BudgetZero_EveryRunHandsBackWithoutLooking()
    {
        var looked = 0;
        var retention = new ArenaRetention(0, () => ++looked);

        Assert.True(retention.HandBackAfterRun());
        Assert.Equal(0, looked);
    }

    [Fact]
    public void HandBackAfterRun_ThisProcess_ReadsItsResidentMemory()
    {
        // The test process holds tens of MiB at least; with a budget of 1 MiB its own memory is over it, and with a
        // budget beyond the machine's memory it is under.
        Assert.True(new ArenaRetention(1).HandBackAfterRun());
        Assert.False(new ArenaRetention(1 << 20).HandBackAfterRun());
    }

    [Fact]
    public void Constructor_NegativeBudget_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArenaRetention(-1));

    [Fact]
    public void ReadPage_ArenaKeptOrHandedBack_ReadsTheSameLines()
    {
        // GIVEN one set of sessions and two engines over it: one keeps the arena's blocks from run to run, one hands
        // them back after each
        using var drawn = SignaturePageDrawer.Draw(new SignaturePageSpec { Seals = [(SealPlace.ApplicantBlock, "杭州明湖智能装备股份有限公司")] });
        using var page = Cv2.ImDecode(ScanDrawing.Encode(drawn, SKEncodedImageFormat.Png), ImreadModes.Color);
        using var grey = SealInkSuppressor.RedChannelAsGrey(page);
        using var models = new PaddleModels(PaddleModelFiles.Locate(Path.Combine(TestPaths.RepoRoot, ".models")), 1);
        using var keeping = new PaddleOcrEngine(models, 1600, new ArenaRetention(1 << 20));
        using var handingBack = new PaddleOcrEngine(models, 1600, new ArenaRetention(0));

        // WHEN each reads the page twice, in turn
        var readings = Enumerable.Range(0, 2)
            .SelectMany(_ => new[] { keeping, handingBack })
            .Select(engine => Describe(engine.ReadPage(grey, CancellationToken.None)))
            .ToList();

        // THEN every reading found the block's label, and all four are the same lines, boxes and confidences
        Assert.Contains("推荐单位意见", readings[0], StringComparison.Ordinal);
        Assert.All(readings, reading => Assert.Equal(readings[0], reading));
    }

    private static string Describe(IReadOnlyList<OcrLine> lines) =>
        string.Join("\n", lines.Select(l => $"{l.Text} {l.Box} {l.Confidence:0.000000}"));
}
