using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;

namespace CaseIngest.Plugins.StructureChecks.Tests.RealWorld;

public sealed class UnreadableReportTests : IDisposable
{
    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    [Theory]
    [InlineData("案例报告.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 }, ".doc")]
    [InlineData("案例报告.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "损坏")]
    [InlineData("案例报告.docx", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "不是有效的 .docx")]
    [InlineData("案例报告.docx", new byte[0], "不是有效的 .docx")]
    [InlineData("案例报告.wps", new byte[] { 1, 2, 3, 4 }, ".wps")]
    [InlineData("案例报告.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A }, "PDF")]
    public async Task RunAsync_UnreadableReport_UnsupportedFormFormatSayingWhy(string name, byte[] bytes, string says)
    {
        var path = _folder.File(name);
        await File.WriteAllBytesAsync(path, bytes);

        var record = await _harness.RunAsync(path);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Contains(name, finding.Evidence);
        Assert.Contains(says, finding.Evidence);
        Assert.Null(finding.Plugin); // the pipeline runner stamps it
    }

    [Fact]
    public async Task RunAsync_ReportOverTheSizeLimit_RefusedWithoutReading()
    {
        using var harness = new StepHarness(new Dictionary<string, string?> { ["Plugins:StructureChecks:MaxDocumentBytes"] = "1000" });
        var path = new SampleReport().Save(_folder, HeadingMode.Styles);

        var finding = Assert.Single((await harness.RunAsync(path)).Findings);

        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Contains("1000", finding.Evidence);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
