using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Ocr.Engines;
using CaseIngest.Ocr.Engines.Tesseract;
using CaseIngest.Ocr.Imaging;
using CaseIngest.Plugins.OcrStamps.Seals;
using CaseIngest.Plugins.OcrStamps.Tests.Drawing;
using OpenCvSharp;
using SkiaSharp;

namespace CaseIngest.Plugins.OcrStamps.Tests.Engines;

[Collection(OcrEnginesGroup.Name)]
public sealed class EngineTests(OcrFixture fixture)
{
    [Fact]
    public async Task ReadPage_BothEnginesUnderParallelLoadBesideOpenCv_EveryReadFindsTheLabels()
    {
        // GIVEN a drawn page decoded by OpenCV (whose native library brings its own libpng) and both engines' pools
        using var drawn = SignaturePageDrawer.Draw(new SignaturePageSpec { Seals = [(SealPlace.ApplicantBlock, "杭州明湖智能装备股份有限公司")] });
        var png = ScanDrawing.Encode(drawn, SKEncodedImageFormat.Png);
        using var page = Cv2.ImDecode(png, ImreadModes.Color);
        using var grey = SealInkSuppressor.RedChannelAsGrey(page);
        var pools = new[] { fixture.DefaultEngines, fixture.TesseractEngines };

        // WHEN each engine reads the page four times at once while OpenCV keeps decoding, encoding and detecting seals
        using var stop = new CancellationTokenSource();
        var openCvRunning = Enumerable.Range(0, 2).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var openCvLoad = openCvRunning.Select(running => Task.Run(() =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested)
            {
                using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
                Cv2.ImEncode(".png", decoded, out byte[] _);
                Assert.Single(new SealDetector().Detect(decoded));
                rounds++;
                running.TrySetResult();
            }

            return rounds;
        })).ToList();
        // The reads start once OpenCV is busy on both threads: on an idle machine they could otherwise finish first.
        await Task.WhenAny(Task.WhenAll(openCvRunning.Select(r => r.Task)), Task.WhenAll(openCvLoad));
        var reads = pools.SelectMany(pool => Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            pool.UseAsync(engine => PageText.Of(engine.ReadPage(grey, CancellationToken.None)), CancellationToken.None)))).ToList();
        var texts = await Task.WhenAll(reads);
        await stop.CancelAsync();
        var openCvRounds = await Task.WhenAll(openCvLoad);

        // THEN every read of both engines found the blocks' labels, and OpenCV kept working alongside
        Assert.All(texts, text => Assert.Contains("推荐单位意见", text, StringComparison.Ordinal));
        Assert.All(openCvRounds, rounds => Assert.True(rounds > 0));
    }

    [Fact]
    public void CreatePool_DefaultEngine_OpenCvKeptToOneThread()
    {
        _ = fixture.DefaultEngines;

        Assert.Equal(1, Cv2.GetNumThreads());
    }

    [Fact]
    public void LimitThreads_TesseractPoolCreated_OpenMpLimitedToOneThreadInNativeEnvironment()
    {
        _ = fixture.TesseractEngines;

        Assert.Equal("1", TesseractThreading.NativeEnvironment("OMP_THREAD_LIMIT"));
        Assert.Equal(1, TesseractThreading.EffectiveThreadLimit());
    }

    [Fact]
    public async Task ReadLine_UnwrappedSealArc_BothEnginesReadTheOrganisation()
    {
        const string Organization = "浙江省企业联合会";
        using var drawn = SignaturePageDrawer.Draw(new SignaturePageSpec { Seals = [(SealPlace.RecommenderBlock, Organization)] });
        using var page = Cv2.ImDecode(ScanDrawing.Encode(drawn, SKEncodedImageFormat.Png), ImreadModes.Color);
        var seal = Assert.Single(new SealDetector().Detect(page));
        using var ink = RedInk.AsDarkInk(page);
        using var strip = SealArcUnwrapper.Unwrap(ink, seal);

        foreach (var pool in new[] { fixture.DefaultEngines, fixture.TesseractEngines })
        {
            var line = await pool.UseAsync(engine => engine.ReadLine(strip, CancellationToken.None), CancellationToken.None);
            Assert.Contains("企业联合会", PageText.Clean(line.Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decode_RepeatsAndBlanks_CollapseToText()
    {
        var decoder = new CaseIngest.Ocr.Engines.Paddle.CtcDecoder(["甲", "乙"]);
        // classes: blank, 甲, 乙, space; steps: 甲 甲 blank 甲 乙
        float[] probabilities =
        [
            0.1f, 0.8f, 0.05f, 0.05f,
            0.1f, 0.9f, 0.0f, 0.0f,
            0.9f, 0.1f, 0.0f, 0.0f,
            0.1f, 0.7f, 0.1f, 0.1f,
            0.0f, 0.0f, 1.0f, 0.0f,
        ];

        var (text, confidence) = decoder.Decode(probabilities, 5);

        Assert.Equal("甲甲乙", text);
        Assert.Equal((0.8 + 0.7 + 1.0) / 3, confidence, 3);
    }
}
