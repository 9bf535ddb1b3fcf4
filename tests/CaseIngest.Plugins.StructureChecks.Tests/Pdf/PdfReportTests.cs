using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Corpus;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.StructureChecks.Tests.Pdf;

/// <summary>A report sent as a text PDF, made from .docx files by the real LibreOffice: counting, section and wording
/// rules run; the format rules are skipped with format_rules_skipped.</summary>
public sealed class PdfReportTests : IDisposable
{
    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    [LibreOfficeFact]
    public async Task RunAsync_CorpusReportAsPdf_CountsWithinOnePercentAndFormatRulesSkipped()
    {
        var package = CorpusPackage.Load("D10");
        var docx = _folder.File("report.docx");
        File.Copy(package.ExtractReport(_folder), docx);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var pdf = await LibreOffice.ConvertToPdfAsync(docx, _folder.Path, timeout.Token);

        var record = await _harness.RunAsync(pdf, package.Form);

        var report = record.Report!;
        Assert.Equal(package.Expected.GetProperty("report").GetProperty("title").GetString(), report.Title);
        Assert.True(report.HasToc);
        Assert.InRange(report.BodyWordCount, package.ExpectedInt("bodyWordCount") * 0.99, package.ExpectedInt("bodyWordCount") * 1.01);
        Assert.InRange(report.PerformanceWordCount!.Value, package.ExpectedInt("performanceWordCount") * 0.99, package.ExpectedInt("performanceWordCount") * 1.01);
        Assert.Equal(
            // D10's report dates its go-live by year only (2025): noted, not decided.
            [FindingCodes.PerformanceTooLong, FindingCodes.ImplementationDateUnknown, FindingCodes.FirstPerson, FindingCodes.FormatRulesSkipped],
            record.Findings.Select(f => f.Code));
        Assert.Equal(Severity.Info, record.Findings[^1].Severity);
    }

    [LibreOfficeFact]
    public async Task RunAsync_GeneratedReportAsPdf_SameCountsAsTheDocx()
    {
        var sample = new SampleReport { Toc = TocKind.Typed };
        var docx = sample.Save(_folder, HeadingMode.AutoNumbering, "generated.docx");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var pdf = await LibreOffice.ConvertToPdfAsync(docx, _folder.Path, timeout.Token);

        var record = await _harness.RunAsync(pdf, new FormSection { CaseName = sample.Title, Applicant = sample.Company });

        Assert.Equal([FindingCodes.FormatRulesSkipped], record.Findings.Select(f => f.Code));
        Assert.InRange(record.Report!.BodyWordCount, sample.ExpectedBody * 0.99, sample.ExpectedBody * 1.01);
        Assert.InRange(record.Report.OverviewWordCount!.Value, sample.ExpectedOverview * 0.99, sample.ExpectedOverview * 1.01);
        Assert.Equal(3, record.Report.MaxHeadingDepth);
    }

    [Fact]
    public async Task RunAsync_PdfWithoutTextLayer_UnsupportedFormFormat()
    {
        // D07's signature page is a scan in a PDF: put in the report's place, it is not a report one can count.
        var d07 = CorpusSample.Load("D07");
        var scan = d07.ExtractFile(d07.Files[FileRole.StampPage], _folder.Path);

        var record = await _harness.RunAsync(scan, name: "案例报告.pdf");

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Contains("扫描件", finding.Evidence);
        Assert.Null(record.Report);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
