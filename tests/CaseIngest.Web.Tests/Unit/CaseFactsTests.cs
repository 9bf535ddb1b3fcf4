using CaseIngest.Abstractions.Records;
using CaseIngest.Documents.Images;
using CaseIngest.Testing;
using CaseIngest.Web.Cases;

namespace CaseIngest.Web.Tests.Unit;

public sealed class CaseFactsTests
{
    [Theory]
    [InlineData(100.0, 125.0, 0.25)]
    [InlineData(200.0, 150.0, -0.25)]
    public void Growth_BothYears_IsTheRelativeChange(double before, double after, double expected)
    {
        Assert.Equal(expected, CaseFacts.Growth([before, after])!.Value, precision: 6);
    }

    [Fact]
    public void Growth_BlankOrZeroBase_IsNull()
    {
        Assert.Null(CaseFacts.Growth([null, 5]));
        Assert.Null(CaseFacts.Growth([0, 5]));
        Assert.Null(CaseFacts.Growth([5]));
    }

    [Fact]
    public void EffectiveType_ConfirmedBeatsPredictedBeatsSingleDeclared()
    {
        var record = new CaseRecord { Form = new FormSection { DeclaredTypes = ["其他"] } };
        Assert.Equal("其他", CaseFacts.EffectiveType(record));

        record.Classification = new ClassificationSection { Predicted = "解决方案类", Scores = { ["解决方案类"] = 0.7 } };
        Assert.Equal("解决方案类", CaseFacts.EffectiveType(record));
        Assert.Equal(0.7, CaseFacts.TypeConfidence(record));

        record.Review = new ReviewSection { ConfirmedType = "经营管理类" };
        Assert.Equal("经营管理类", CaseFacts.EffectiveType(record));
        Assert.Equal(1, CaseFacts.TypeConfidence(record));
    }

    [Fact]
    public void ImageHeader_CorpusJpegAndPng_ReadFromTheHeader()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestPaths.CorpusPackage("D01"), "盖章页.jpg"));
        var png = File.ReadAllBytes(Path.Combine(TestPaths.CorpusPackage("D10"), "盖章页.png"));

        var jpegSize = ImageHeader.ReadSize(jpeg);
        var pngSize = ImageHeader.ReadSize(png);

        // Both scanned at 200 dpi on A4 (`file` agrees: 1654 x 2338).
        Assert.Equal((1654, 2338), jpegSize);
        Assert.Equal((1654, 2338), pngSize);
        Assert.Null(ImageHeader.ReadSize("%PDF-1.7"u8));
    }
}
