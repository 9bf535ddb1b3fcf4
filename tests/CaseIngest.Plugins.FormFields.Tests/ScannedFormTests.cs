using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The corpus forms scanned after signing (tests/Scans/FormScans: LibreOffice, pdftoppm, seals stamped), made
/// once for the class.</summary>
public sealed class FormScansFixture : IAsyncLifetime
{
    internal IReadOnlyDictionary<string, FormScan> Scans { get; private set; } = new Dictionary<string, FormScan>();

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is not null)
        {
            Scans = await FormScans.MakeAsync([.. ScannedFormTests.SinglePageIds, .. ScannedFormTests.TwoPageIds]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Issue #17: a form sent only as a scan is read by OCR into the same fields as its .docx, with how sure each
/// field is, and the scan's pages become the form's as well as the signature pages.</summary>
public sealed class ScannedFormTests(FormScansFixture fixture, ITestOutputHelper output) : IClassFixture<FormScansFixture>
{
    /// <summary>The corpus forms that fit on one page (LibreOffice lays the others over two): a single JPEG each.</summary>
    public static readonly string[] SinglePageIds = ["D01", "D03", "D08", "D10", "D11"];

    /// <summary>Forms LibreOffice lays over two pages, the last row (推荐单位意见, with the recommender's name and seal)
    /// broken over the page break: scanned to a PDF of two page images.</summary>
    public static readonly string[] TwoPageIds = ["D02", "D05", "D06"];

    public static TheoryData<string> Ids => new(SinglePageIds);

    public static TheoryData<string> TwoPages => new(TwoPageIds);

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_FormOnlyAsSignedScan_NineInTenFieldsAsTheDocxGives_Issue17(string id)
    {
        // GIVEN a package whose form is a signed scan, which the host files as a signature page, and no form document
        var scan = fixture.Scans[id];
        var file = TestPackageFiles.Of(Assert.Single(scan.Pages), FileRole.StampPage, "扫描件.jpg");
        var record = new CaseRecord { SubmissionId = id, Files = [new PackageFileInfo { Name = file.Name, Role = FileRole.StampPage }] };

        // WHEN the form step runs
        var context = PluginSteps.Context(record, [file]);
        await FormStepRunner.CreateStep().RunAsync(context, CancellationToken.None);

        // THEN nine in ten fields or more are the expected record's (the count is the figure to raise)
        // Not yet every field: a character repeated over a line break is read once (工厂|厂长). The record's fieldConfidence and
        // low_ocr_confidence say where to look.
        output.WriteLine(string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Message} {f.Evidence}")));
        ScannedFormFields.NineInTenRight($"{id}: scanned form", CorpusSample.Load(id).Expected.GetProperty("form"), record.Form, output.WriteLine);

        // AND each field read says how sure it is
        Assert.NotNull(record.Form!.FieldConfidence);
        Assert.InRange(record.Form.FieldConfidence!["caseName"], 0, 1);
        Assert.Contains("indicators.主营业务收入[1]", record.Form.FieldConfidence.Keys);

        // AND the scan's pages are the form's as well as the signature pages
        var entry = Assert.Single(record.Files);
        Assert.Equal(FileRole.Form, entry.Role);
        Assert.Contains(entry.Pages!, p => p.Role == FileRole.Form && p.From == 1 && p.To == 1);
        Assert.Contains(entry.Pages!, p => p.Role == FileRole.StampPage);
    }

    [LibreOfficeTheory]
    [MemberData(nameof(TwoPages))]
    public async Task RunAsync_FormOnlyAsTwoPageScanPdf_TheTableReadOnOverThePageBreak_Issue17(string id)
    {
        // GIVEN a package whose form is a scanned PDF of two pages, the second holding only the end of the table's last
        // row (the recommender's opinion running on, 推荐单位：…, 推荐单位盖章 and the seal): a table of two cells
        var scan = fixture.Scans[id];
        Assert.Equal(2, scan.Pages.Count);
        var file = TestPackageFiles.Of(scan.ScanPdf, FileRole.StampPage, "申报表扫描.pdf");
        var record = new CaseRecord { SubmissionId = id, Files = [new PackageFileInfo { Name = file.Name, Role = FileRole.StampPage }] };

        // WHEN the form step runs
        await FormStepRunner.CreateStep().RunAsync(PluginSteps.Context(record, [file]), CancellationToken.None);

        // THEN nine in ten fields or more are the expected record's, the recommender named on page 2 among them
        var expected = CorpusSample.Load(id).Expected.GetProperty("form");
        output.WriteLine(string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Message} {f.Evidence}")));
        ScannedFormFields.NineInTenRight($"{id}: two-page scanned form", expected, record.Form, output.WriteLine);
        // The recommender's seal is stamped beside its name: what of it the red-ink suppression leaves can be read on
        // (河南省企业联合会NV, D02), counted above as a field not right.
        Assert.StartsWith(expected.GetProperty("recommender").GetString()!, record.Form!.Recommender, StringComparison.Ordinal);

        // AND both pages are the form's, as well as the signature pages
        var entry = Assert.Single(record.Files);
        Assert.Contains(new PageRange(1, 2, FileRole.Form), entry.Pages!);
        Assert.Contains(entry.Pages!, p => p.Role == FileRole.StampPage);
    }

    [LibreOfficeFact]
    public async Task RunAsync_ScannedFormBelowTheThreshold_LowOcrConfidenceNamesFieldAndFile_Issue17()
    {
        // GIVEN a scanned form and a threshold no reading reaches
        var scan = fixture.Scans["D01"];
        var file = TestPackageFiles.Of(scan.Pages[0], FileRole.StampPage, "扫描件.jpg");
        var record = new CaseRecord { SubmissionId = "D01" };

        // WHEN the form step runs
        var step = FormStepRunner.CreateStep(new Dictionary<string, string?> { ["Plugins:FormFields:LowConfidenceThreshold"] = "1" });
        await step.RunAsync(PluginSteps.Context(record, [file]), CancellationToken.None);

        // THEN each field read below it is a low_ocr_confidence warning naming the field and the file
        var low = record.Findings.Where(f => f.Code == FindingCodes.LowOcrConfidence).ToList();
        Assert.NotEmpty(low);
        Assert.All(low, f => Assert.Equal("扫描件.jpg", f.Location?.File));
        Assert.Contains(low, f => f.Message.Contains("案例名称", StringComparison.Ordinal) && f.Evidence!.StartsWith("caseName:", StringComparison.Ordinal));
        Assert.Equal(record.Form!.FieldConfidence!.Count(c => c.Value < 1), low.Count);
    }

    [Fact]
    public async Task RunAsync_SignaturePageOnly_NoFormAndNoOcrEngineLoaded_Issue17()
    {
        // GIVEN a package whose only scan is a signature page (two framed blocks, no form table)
        using var package = new CorpusPackage("D01");
        var stamp = package.AllFiles().Single(f => Path.GetFileName(f) == "盖章页.jpg");

        // WHEN the form step runs
        var record = await FormStepRunner.RunAsync([TestPackageFiles.Of(stamp, FileRole.StampPage)]);

        // THEN no form is read from it
        Assert.Null(record.Form);
    }
}
