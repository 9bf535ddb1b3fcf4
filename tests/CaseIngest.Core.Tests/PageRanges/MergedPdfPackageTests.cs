using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseIngest.Core.Tests.PageRanges;

/// <summary>Issue #17: one PDF holding report, form and signature page, through the whole pipeline with the real plugins:
/// each page range gets its role, the form's fields are read from the form's pages, the report's text stops where the
/// form starts, and the seals are read on the signature page.</summary>
public sealed class MergedPdfPackageTests(MergedPdfPackages packages, ITestOutputHelper output) : IClassFixture<MergedPdfPackages>, IDisposable
{
    private readonly TestHostFolder _host = new();

    public static TheoryData<string> Ids => new(MergedPdfPackages.Cases.Select(c => c.Id));

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task Process_ReportFormAndScanInOnePdf_RolesByPageRangeAndRecordAsExpected_Issue17(string id)
    {
        // GIVEN a package whose report, form and scanned signature page are one PDF
        var expected = CorpusSample.Load(id).Expected;
        await using var core = RealPluginSettings.Build(_host, ocr: true);

        // WHEN it is processed
        var record = await core.ProcessAsync(packages.PackageOf(id));

        // THEN the file's page ranges are the documents it holds, its role the one with the most pages
        var file = Assert.Single(record.Files, f => f.Name == MergedPdfPackages.MergedName);
        Assert.Equal(packages.Ranges[id], file.Pages);
        Assert.Equal(FileRole.Report, file.Role);
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.MissingDocument);

        // AND the form's fields are the sample's
        var differences = ExpectedForm.Differences(expected.GetProperty("form"), record.Form);
        var total = ExpectedForm.FieldCount(expected.GetProperty("form"));
        output.WriteLine($"{id}: form fields right {total - differences.Count}/{total}");
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        // AND the report reads as the report's own PDF does: its text stops where the form starts
        await using (var alone = RealPluginSettings.Build(_host))
        {
            var reportOnly = _host.NewFolder("report-only-" + id);
            File.Copy(packages.ReportPdf[id], Path.Combine(reportOnly, "案例报告.pdf"));
            var baseline = (await alone.ProcessAsync(reportOnly)).Report!;
            Assert.Equal((baseline.Title, baseline.BodyWordCount, baseline.OverviewWordCount, baseline.ContentWordCount, baseline.PerformanceWordCount),
                (record.Report!.Title, record.Report.BodyWordCount, record.Report.OverviewWordCount, record.Report.ContentWordCount,
                    record.Report.PerformanceWordCount));
            Assert.Equal(baseline.Text, record.Report.Text);
        }

        var report = expected.GetProperty("report");
        Assert.Equal(report.GetProperty("title").GetString(), record.Report.Title);
        Assert.InRange(record.Report.BodyWordCount, report.GetProperty("bodyWordCount").GetInt32() * 0.99, report.GetProperty("bodyWordCount").GetInt32() * 1.01);
        Assert.DoesNotContain("推荐单位意见", record.Report.Text, StringComparison.Ordinal);

        // AND the seals and dates are read on the signature range only
        ExpectedStamps.Equal(expected, record);
        var signature = packages.Ranges[id].Single(r => r.Role == FileRole.StampPage);
        Assert.All(record.Pages, page => Assert.True(signature.Contains(page.Page), $"page {page.Page} OCR'd outside {signature}"));
        Assert.NotEmpty(record.Pages);

        // AND the findings are the sample's violations (a PDF report cannot be format-checked: noted as info)
        var violations = expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).Order().ToList();
        var found = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().Order().ToList();
        Assert.True(violations.SequenceEqual(found), $"expected [{string.Join(",", violations)}] got: "
            + string.Join(" | ", record.Findings.Where(f => f.Severity != Severity.Info).Select(f => $"{f.Code} {f.Message} {f.Evidence}")));
        Assert.Contains(record.Findings, f => f.Code == FindingCodes.FormatRulesSkipped);
    }

    public void Dispose() => _host.Dispose();
}
