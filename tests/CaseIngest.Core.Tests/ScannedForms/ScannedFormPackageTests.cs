using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Tests.Support;
using Xunit.Abstractions;

namespace CaseIngest.Core.Tests.ScannedForms;

/// <summary>Sample packages whose form came back from the applicant only as a signed scan (tests/Scans/FormScans: the
/// corpus form exported by LibreOffice, rendered at 200 dpi by pdftoppm, the seals stamped on its 申报单位 and 推荐单位
/// lines, turned 0.4°): the scan, the report .docx and the manifest, and no separate signature page.</summary>
public sealed class ScannedFormPackages : IAsyncLifetime
{
    public static readonly string[] Ids = ["D01", "D10"];

    public const string ScanName = "申报表（盖章扫描件）.jpg";

    private readonly TemporaryDirectory _root = new("caseingest-scanned-form-");

    public string PackageOf(string id) => Path.Combine(_root.Path, id);

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is null)
        {
            return;
        }

        var scans = await FormScans.MakeAsync(Ids);
        foreach (var id in Ids)
        {
            var sample = CorpusSample.Load(id);
            var package = PackageOf(id);
            Directory.CreateDirectory(package);
            File.Copy(Assert.Single(scans[id].Pages), Path.Combine(package, ScanName));
            var report = sample.Files[FileRole.Report];
            await File.WriteAllBytesAsync(Path.Combine(package, report), sample.ReadFile(report));
            await File.WriteAllBytesAsync(Path.Combine(package, "manifest.json"), sample.ReadFile("manifest.json"));
        }
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Issue #17: a package whose only form is a signed scan, through the whole pipeline with the real plugins:
/// the form's fields read by OCR as from the .docx, the scan taken for the form and for the signature page, its seals
/// and dates read, and no missing_document.</summary>
public sealed class ScannedFormPackageTests(ScannedFormPackages packages, ITestOutputHelper output) : IClassFixture<ScannedFormPackages>, IDisposable
{
    private readonly TestHostFolder _host = new();

    public static TheoryData<string> Ids => new(ScannedFormPackages.Ids);

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task Process_FormOnlyAsSignedScan_NineInTenFieldsAndTheSealsAndDatesAsExpected_Issue17(string id)
    {
        // GIVEN a package whose form is a signed scan and which has no other signature page
        var expected = CorpusSample.Load(id).Expected;
        await using var core = RealPluginSettings.Build(_host, ocr: true);

        // WHEN it is processed
        var record = await core.ProcessAsync(packages.PackageOf(id));

        // THEN nothing is missing: the scan is the form and the signature page
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.MissingDocument);
        var scan = Assert.Single(record.Files, f => f.Name == ScannedFormPackages.ScanName);
        Assert.Equal(FileRole.Form, scan.Role);
        Assert.Equal([new PageRange(1, 1, FileRole.Form), new PageRange(1, 1, FileRole.StampPage)], scan.Pages);

        // AND nine in ten of the form's fields or more are the sample's, each with its confidence
        // Not yet every field: a character repeated over a line break is read once (工厂|厂长). The record's fieldConfidence and
        // low_ocr_confidence say where to look.
        output.WriteLine(string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Message} {f.Evidence}")));
        ScannedFormFields.NineInTenRight($"{id}: scanned form", expected.GetProperty("form"), record.Form, output.WriteLine);
        Assert.NotEmpty(record.Form!.FieldConfidence!);

        // AND the seals and dates on the scan's 申报单位 and 推荐单位 lines are read
        ExpectedStamps.Equal(expected, record);

        // AND the findings are the sample's violations, with low_ocr_confidence where a field was read less surely
        var violations = expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).Order().ToList();
        var found = record.Findings.Where(f => f.Severity != Severity.Info && f.Code != FindingCodes.LowOcrConfidence)
            .Select(f => f.Code).Distinct().Order().ToList();
        Assert.True(violations.SequenceEqual(found), $"expected [{string.Join(",", violations)}] got: "
            + string.Join(" | ", record.Findings.Where(f => f.Severity != Severity.Info).Select(f => $"{f.Code} {f.Message} {f.Evidence}")));
    }

    public void Dispose() => _host.Dispose();
}
