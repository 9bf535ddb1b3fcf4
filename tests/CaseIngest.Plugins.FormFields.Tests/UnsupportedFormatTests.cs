using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Writer;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Forms that cannot be read (a scan, a PDF without text, a legacy .doc, a truncated .docx): a clear
/// unsupported_form_format that says what to send instead.</summary>
public sealed class UnsupportedFormatTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-unsupported-");

    [Fact]
    public async Task RunAsync_ScannedImageAsForm_AsksForTheDocx()
    {
        var scan = Path.Combine(TestPaths.RealWorld, "B14_scan_zh-paper-page.jpg");

        var record = await FormStepRunner.RunOnFileAsync(scan, FileRole.Form, "申报表扫描件.jpg");

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Contains("扫描件", finding.Message, StringComparison.Ordinal);
        Assert.Contains("附件1 申报表的 .docx", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("附件1-申报表.jpg", true)]
    [InlineData("申报书扫描件.pdf", true)]
    [InlineData("附件1-申报表盖章页.jpg", false)]
    [InlineData("scan0001.jpg", false)]
    public async Task RunAsync_NoFormButAScanNamedAsTheForm_AsksForTheDocx(string scanName, bool reported)
    {
        // GIVEN the host filed the scan as a signature page and found no form
        var scan = Path.Combine(TestPaths.RealWorld, "B14_scan_zh-paper-page.jpg");
        var report = Path.Combine(TestPaths.RealWorld, "A11_zh-heading-styles-report.docx");

        var record = await FormStepRunner.RunAsync(
            [TestPackageFiles.Of(scan, FileRole.StampPage, scanName), TestPackageFiles.Of(report, FileRole.Report)]);

        Assert.Equal(reported, record.Codes(FindingCodes.UnsupportedFormFormat).Any(f => f.Location!.File == scanName));
    }

    [Fact]
    public async Task RunAsync_PdfWithoutTextLayer_ReportedAsScan()
    {
        // GIVEN a PDF page that holds only drawing, as a scan holds only an image
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 400, 600);
        var path = Path.Combine(_dir.Path, "申报表.pdf");
        await File.WriteAllBytesAsync(path, builder.Build());

        var record = await FormStepRunner.RunOnFileAsync(path);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Contains("没有文字层", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LegacyDocAndNoFormFound_AsksForTheDocx()
    {
        // GIVEN the host found no form, and the package holds an OLE .doc besides the report
        var doc = Path.Combine(TestPaths.RealWorld, "A33_neg_ole-doc-with-docm-ext.docm");
        var report = Path.Combine(TestPaths.RealWorld, "A11_zh-heading-styles-report.docx");

        var record = await FormStepRunner.RunAsync(
            [TestPackageFiles.Of(doc, FileRole.Other, "附件1-申报表.doc"), TestPackageFiles.Of(report, FileRole.Report)]);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Equal("附件1-申报表.doc", finding.Location!.File);
        Assert.Contains("Word 97-2003 (.doc)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TruncatedGeneratedDocx_CorruptFindingNoThrow()
    {
        var whole = await File.ReadAllBytesAsync(FormDocxBuilder.Write(new FormSpec(), _dir.Path));
        var path = Path.Combine(_dir.Path, "截断.docx");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        var record = await FormStepRunner.RunOnFileAsync(path);

        Assert.Null(record.Form);
        Assert.Contains("已损坏", Assert.Single(record.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnlyASignaturePageScan_AddsNothing()
    {
        var scan = Path.Combine(TestPaths.RealWorld, "B14_scan_zh-paper-page.jpg");

        var record = await FormStepRunner.RunOnFileAsync(scan, FileRole.StampPage);

        Assert.Null(record.Form);
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task RunAsync_DocxExpandingBeyondLimit_RefusedBeforeParsing()
    {
        var path = FormDocxBuilder.Write(new FormSpec(), _dir.Path);

        var record = await FormStepRunner.RunAsync([TestPackageFiles.Of(path, FileRole.Form)],
            new Dictionary<string, string?> { ["Plugins:FormFields:MaxExpandedBytes"] = "1000" });

        Assert.Null(record.Form);
        var finding = Assert.Single(record.Findings);
        Assert.Contains("解压后过大", finding.Message, StringComparison.Ordinal);
        Assert.Contains("上限 1000 字节", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_InvalidOptions_FailValidation()
    {
        using var services = FormStepRunner.CreateServices(new Dictionary<string, string?> { ["Plugins:FormFields:MinimumBlocks"] = "0" });

        var options = services.GetRequiredService<IOptions<FormFieldsOptions>>();

        Assert.Throws<OptionsValidationException>(() => options.Value);
    }

    public void Dispose() => _dir.Dispose();
}
