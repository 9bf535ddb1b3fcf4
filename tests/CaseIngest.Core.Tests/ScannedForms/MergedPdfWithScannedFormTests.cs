using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;
using Xunit.Abstractions;

namespace CaseIngest.Core.Tests.ScannedForms;

/// <summary>Sample packages sent as one PDF whose form came back only as a signed scan: the corpus report exported to a
/// text PDF by the real LibreOffice, then the form's scan pages (tests/Scans/FormScans: LibreOffice, pdftoppm at 200 dpi,
/// the seals stamped, turned 0.4°) as a scanner's PDF holds them, merged into <c>材料.pdf</c> beside the manifest.</summary>
public sealed class MergedPdfWithScannedForm : IAsyncLifetime
{
    /// <summary>A form on one page (D01) and one LibreOffice lays over two (D02).</summary>
    public static readonly string[] Ids = ["D01", "D02"];

    public const string MergedName = "材料.pdf";

    private readonly TemporaryDirectory _root = new("caseingest-merged-scan-");

    public string PackageOf(string id) => Path.Combine(_root.Path, "packages", id);

    /// <summary>The report alone as LibreOffice exported it: what the merged file's report pages must read as.</summary>
    public Dictionary<string, string> ReportPdf { get; } = [];

    /// <summary>The pages of each case's merged PDF: the report's, then the scan's.</summary>
    public Dictionary<string, (int ReportPages, int ScanPages)> Pages { get; } = [];

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is null)
        {
            return;
        }

        var scans = await FormScans.MakeAsync(Ids);
        var staging = Path.Combine(_root.Path, "staging");
        Directory.CreateDirectory(staging);
        var sources = new List<string>();
        foreach (var id in Ids)
        {
            var sample = CorpusSample.Load(id);
            var source = Path.Combine(staging, $"{id}-report.docx");
            await File.WriteAllBytesAsync(source, sample.ReadFile(sample.Files[FileRole.Report]));
            sources.Add(source);
        }

        var pdfs = await LibreOffice.ConvertToPdfAsync(sources, staging);
        foreach (var id in Ids)
        {
            var sample = CorpusSample.Load(id);
            var report = pdfs.Single(p => Path.GetFileName(p) == $"{id}-report.pdf");
            ReportPdf[id] = report;
            var package = PackageOf(id);
            Directory.CreateDirectory(package);
            await File.WriteAllBytesAsync(Path.Combine(package, MergedName), PdfMerger.Merge(report, scans[id].ScanPdf));
            await File.WriteAllBytesAsync(Path.Combine(package, "manifest.json"), sample.ReadFile("manifest.json"));
            using var reportPdf = PdfDocument.Open(report);
            Pages[id] = (reportPdf.NumberOfPages, scans[id].Pages.Count);
        }
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Issue #17: one PDF holding the report and the signed scan of the form, through the whole pipeline with the
/// real plugins: the report's pages and the scan's get their roles, the scan's pages are the form's (read by OCR, the
/// table followed over its page break) and the signature pages (seals and dates read there), nothing is missing.</summary>
public sealed class MergedPdfWithScannedFormTests(MergedPdfWithScannedForm packages, ITestOutputHelper output)
    : IClassFixture<MergedPdfWithScannedForm>, IDisposable
{
    private readonly TestHostFolder _host = new();

    public static TheoryData<string> Ids => new(MergedPdfWithScannedForm.Ids);

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task Process_ReportAndSignedFormScanInOnePdf_ScanPagesAreFormAndSignaturePages_Issue17(string id)
    {
        // GIVEN a package that is one PDF: the report's text pages, then the signed form's scanned pages
        var expected = CorpusSample.Load(id).Expected;
        var (reportPages, scanPages) = packages.Pages[id];
        await using var core = RealPluginSettings.Build(_host, ocr: true);

        // WHEN it is processed
        var record = await core.ProcessAsync(packages.PackageOf(id));

        // THEN the report's pages are the report, the scan's both the form and the signature pages, nothing missing
        var file = Assert.Single(record.Files, f => f.Name == MergedPdfWithScannedForm.MergedName);
        var scan = (From: reportPages + 1, To: reportPages + scanPages);
        Assert.Equal(
            [new PageRange(1, reportPages, FileRole.Report), new PageRange(scan.From, scan.To, FileRole.Form), new PageRange(scan.From, scan.To, FileRole.StampPage)],
            file.Pages);
        Assert.Equal(FileRole.Report, file.Role);
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.MissingDocument);

        // AND nine in ten of the form's fields or more are the sample's
        ScannedFormFields.NineInTenRight($"{id}: merged PDF's scanned form", expected.GetProperty("form"), record.Form, output.WriteLine);

        // AND the report reads as the report's own PDF does: its text stops where the scan starts
        await using (var alone = RealPluginSettings.Build(_host))
        {
            var reportOnly = _host.NewFolder("report-only-" + id);
            File.Copy(packages.ReportPdf[id], Path.Combine(reportOnly, "案例报告.pdf"));
            var baseline = (await alone.ProcessAsync(reportOnly)).Report!;
            Assert.Equal(baseline.Text, record.Report!.Text);
            Assert.Equal(baseline.BodyWordCount, record.Report.BodyWordCount);
        }

        // AND the seals and dates on the scan's 申报单位 and 推荐单位 lines are read, on the scan's pages only
        ExpectedStamps.Equal(expected, record);
        Assert.NotEmpty(record.Pages);
        Assert.All(record.Pages, page => Assert.InRange(page.Page, scan.From, scan.To));
    }

    public void Dispose() => _host.Dispose();
}
