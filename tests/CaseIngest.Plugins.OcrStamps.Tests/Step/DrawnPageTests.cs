using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Tests.Drawing;
using SkiaSharp;

namespace CaseIngest.Plugins.OcrStamps.Tests.Step;

/// <summary>Signature pages the tests draw themselves, each varying one thing a real scan varies.</summary>
[Collection(OcrEnginesGroup.Name)]
public sealed class DrawnPageTests(OcrFixture fixture)
{
    private const string Applicant = "杭州明湖智能装备股份有限公司";
    private const string Recommender = "浙江省企业联合会";

    private static readonly SignaturePageSpec s_bothSealed = new()
    {
        Seals = [(SealPlace.ApplicantBlock, Applicant), (SealPlace.RecommenderBlock, Recommender)],
    };

    [Fact]
    public async Task RunAsync_SealsOverTheDates_ReadsSealsAndDates()
    {
        var record = await RunAsync(s_bothSealed, "seal-over-text.png");

        Assert.True(record.Stamps!.Applicant.Present);
        Assert.True(record.Stamps.Recommender.Present);
        Assert.Equal("2026-05-20", record.Stamps.Applicant.Date);
        Assert.Equal("2026-06-03", record.Stamps.Recommender.Date);
        Assert.Equal(1, record.Stamps.Applicant.Page);
        Assert.DoesNotContain(record.Findings, f => f.Severity != Severity.Info);
        Assert.Equal(["applicant", "recommender"], record.Pages[0].Seals.Select(s => s.Block));
        Assert.Contains("申报单位盖章", record.Pages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoSeal_ReportsBothMissingStamps()
    {
        var record = await RunAsync(s_bothSealed with { Seals = [] }, "no-seal.jpg");

        Assert.False(record.Stamps!.Applicant.Present);
        Assert.False(record.Stamps.Recommender.Present);
        var codes = record.Findings.Select(f => f.Code).ToList();
        Assert.Contains(FindingCodes.MissingApplicantStamp, codes);
        Assert.Contains(FindingCodes.MissingRecommenderStamp, codes);
        Assert.DoesNotContain(FindingCodes.MissingStampDate, codes);
    }

    [Fact]
    public async Task RunAsync_ApplicantSealInRecommenderBlock_ApplicantStampMissing()
    {
        var spec = s_bothSealed with { Seals = [(SealPlace.RecommenderBlock, Applicant)], RecommenderDate = "2026年6月3日" };

        var record = await RunAsync(spec, "wrong-block.png");

        Assert.False(record.Stamps!.Applicant.Present);
        Assert.True(record.Stamps.Recommender.Present);
        Assert.Contains(record.Findings, f => f.Code == FindingCodes.MissingApplicantStamp);
        // The recommender's block bears the applicant's seal: the organisation tells.
        Assert.Contains(record.Findings, f => f.Code == FindingCodes.StampOrgMismatch && f.Location!.Section == "推荐单位");
    }

    [Fact]
    public async Task RunAsync_SealOutsideBothBlocks_SealUnassignedAndBothMissing()
    {
        var record = await RunAsync(s_bothSealed with { Seals = [(SealPlace.Header, Applicant)] }, "header-seal.png");

        Assert.False(record.Stamps!.Applicant.Present);
        Assert.False(record.Stamps.Recommender.Present);
        Assert.Null(Assert.Single(record.Pages[0].Seals).Block);
    }

    [Fact]
    public async Task RunAsync_PageRotated3Degrees_ReadsSealsAndDates()
    {
        var record = await RunAsync(s_bothSealed with { RotationDegrees = 3 }, "rotated.jpg");

        Assert.True(record.Stamps!.Applicant.Present);
        Assert.True(record.Stamps.Recommender.Present);
        Assert.Equal("2026-05-20", record.Stamps.Applicant.Date);
        Assert.Equal("2026-06-03", record.Stamps.Recommender.Date);
    }

    [Fact]
    public async Task RunAsync_150Dpi_ReadsSealsAndDates()
    {
        var record = await RunAsync(s_bothSealed with { Dpi = 150 }, "150dpi.jpg");

        Assert.True(record.Stamps!.Applicant.Present);
        Assert.True(record.Stamps.Recommender.Present);
        Assert.Equal("2026-05-20", record.Stamps.Applicant.Date);
        Assert.Equal("2026-06-03", record.Stamps.Recommender.Date);
    }

    [Fact]
    public async Task RunAsync_PdfOfScans_ReadsEachPage()
    {
        // GIVEN a two-page PDF of scans: the stamped page, then a page without seals
        using var stamped = SignaturePageDrawer.Draw(s_bothSealed);
        using var blank = SignaturePageDrawer.Draw(s_bothSealed with { Seals = [] });
        var path = fixture.WriteFile("scan.pdf", ScanDrawing.ToPdf([stamped, blank]));

        var record = await fixture.RunStepAsync([path], Applicant, Recommender);

        Assert.Equal([1, 2], record.Pages.Select(p => p.Page));
        Assert.True(record.Stamps!.Applicant.Present);
        Assert.Equal(1, record.Stamps.Applicant.Page);
        Assert.Equal("2026-05-20", record.Stamps.Applicant.Date);
        Assert.Equal("2026-06-03", record.Stamps.Recommender.Date);
        Assert.Empty(record.Pages[1].Seals);
    }

    [Theory]
    [InlineData("二〇二六年五月二十日", "2026-05-20")]
    [InlineData("2026.5.20", "2026-05-20")]
    [InlineData("2026-05-20", "2026-05-20")]
    public async Task RunAsync_DateForms_ReadAsIso(string written, string iso)
    {
        var record = await RunAsync(s_bothSealed with { ApplicantDate = written }, $"date-{iso}-{written.Length}.png");

        Assert.Equal(iso, record.Stamps!.Applicant.Date);
    }

    [Fact]
    public async Task RunAsync_DateAfterTheCallClosed_ReportsOutOfWindow()
    {
        var record = await RunAsync(s_bothSealed with { RecommenderDate = "2026年8月15日" }, "late.png");

        Assert.Equal("2026-08-15", record.Stamps!.Recommender.Date);
        var finding = Assert.Single(record.Findings, f => f.Code == FindingCodes.StampDateOutOfWindow);
        Assert.Equal("推荐单位", finding.Location!.Section);
    }

    [Fact]
    public async Task RunAsync_SealWithoutDate_ReportsMissingStampDate()
    {
        var record = await RunAsync(s_bothSealed with { ApplicantDate = null }, "no-date.png");

        Assert.True(record.Stamps!.Applicant.Present);
        Assert.Null(record.Stamps.Applicant.Date);
        Assert.Equal("申报单位", Assert.Single(record.Findings, f => f.Code == FindingCodes.MissingStampDate).Location!.Section);
    }

    private async Task<CaseRecord> RunAsync(SignaturePageSpec spec, string name)
    {
        using var page = SignaturePageDrawer.Draw(spec);
        var format = name.EndsWith(".png", StringComparison.Ordinal) ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        var path = fixture.WriteFile(name, ScanDrawing.Encode(page, format));
        return await fixture.RunStepAsync([path], Applicant, Recommender);
    }
}
