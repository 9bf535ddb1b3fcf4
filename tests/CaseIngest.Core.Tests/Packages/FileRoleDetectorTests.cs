using System.Diagnostics;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Packages;

public sealed class FileRoleDetectorTests
{
    public static TheoryData<string> CorpusIds => new(TestPaths.CorpusIds);

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public async Task ProcessAsync_CorpusPackage_RolesByContentEqualTheExpectedFiles(string id)
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore();

        var record = await provider.ProcessAsync(TestPaths.CorpusPackage(id));

        var expected = CorpusSample.Load(id).Files;
        foreach (var (role, name) in expected)
        {
            Assert.Equal(name, Assert.Single(record.Files, f => f.Role == role).Name);
        }

        Assert.Equal(FileRole.Manifest, Assert.Single(record.Files, f => f.Name == "manifest.json").Role);
        Assert.Equal(id, record.SubmissionId);
        Assert.All(record.Files, f => Assert.Equal(64, f.Sha256.Length));
        Assert.All(record.Files, f => Assert.True(f.Bytes > 0));
        Assert.DoesNotContain(record.Findings, f => f.Code is FindingCodes.MissingDocument or FindingCodes.PackageUnreadable);
        Assert.Equal(64, record.PackageSha256?.Length);
    }

    [Theory]
    [InlineData("A31_neg_truncated-zip.docx")]
    [InlineData("A32_neg_encrypted-password-is-pass.docx")]
    [InlineData("A33_neg_ole-doc-with-docm-ext.docm")]
    [InlineData("A34_neg_fuzz_not-a-zip.docx")]
    [InlineData("A35_neg_fuzz_bad-central-dir.docx")]
    [InlineData("A36_neg_fuzz_zip-ok-content-mangled.docx")]
    public void Detect_MalformedDocx_DecidesARoleWithoutThrowing(string file)
    {
        var role = new FileRoleDetector().Detect(file, Path.Combine(TestPaths.RealWorld, file));

        Assert.True(Enum.IsDefined(role));
    }

    public static TheoryData<string> RealWorldFiles()
    {
        var data = new TheoryData<string>();
        // The shared folder holds the repository's files and more (GPL ones); outside the workplace, the repository's.
        var folder = TestPaths.SharedRealWorld ?? TestPaths.RealWorld;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>Every real-world file (the repository's, and the shared folder's when present) as a package member:
    /// no exception, no hang, and scans and photos are signature-page candidates.</summary>
    [Theory]
    [MemberData(nameof(RealWorldFiles))]
    public void Detect_RealWorldFile_DecidesARoleWithoutThrowing(string path)
    {
        var role = new FileRoleDetector().Detect(Path.GetFileName(path), path);

        Assert.True(Enum.IsDefined(role));
        if (path.EndsWith(".jpg", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal)
            || path.EndsWith(".jpeg", StringComparison.Ordinal) || path.Contains("image-only", StringComparison.Ordinal))
        {
            Assert.Equal(FileRole.StampPage, role);
        }
    }

    [Fact]
    public void Detect_EncryptedDocxNamedAsAForm_FallsBackToItsName()
    {
        using var host = new TestHostFolder();
        var path = Path.Combine(host.NewFolder("enc"), "附件1-申报表.docx");
        File.Copy(Path.Combine(TestPaths.RealWorld, "A32_neg_encrypted-password-is-pass.docx"), path);

        Assert.Equal(FileRole.Form, new FileRoleDetector().Detect("附件1-申报表.docx", path));
    }

    [Fact]
    public void Detect_DocxUnderAMisleadingName_IsJudgedByContent()
    {
        using var host = new TestHostFolder();
        var path = Path.Combine(host.NewFolder("misnamed"), "案例报告.docx");
        File.Copy(Path.Combine(TestPaths.CorpusPackage("D01"), "申报表.docx"), path);

        Assert.Equal(FileRole.Form, new FileRoleDetector().Detect("案例报告.docx", path));
    }

    [Fact]
    public void Detect_LabelsOnlyInDeletedOrHiddenText_NotAForm_AsThePluginsReadIt()
    {
        using var host = new TestHostFolder();
        var labels = "案例名称 申报单位名称 案例类型 创造人";
        var path = WriteDocx(host, "材料.docx",
            $"<w:p><w:del w:id=\"1\" w:author=\"a\" w:date=\"2026-07-01T00:00:00Z\"><w:r><w:delText>{labels}</w:delText></w:r></w:del></w:p>" +
            WordMarkup.Paragraph(labels, runProperties: "<w:vanish/>") + WordMarkup.Paragraph("说明"));
        var visible = WriteDocx(host, "材料2.docx", WordMarkup.Paragraph(labels));

        Assert.Equal(FileRole.Other, new FileRoleDetector().Detect("材料.docx", path));
        Assert.Equal(FileRole.Form, new FileRoleDetector().Detect("材料2.docx", visible));
    }

    [Fact]
    public void Detect_BloatedDocumentXml_NotParsed_JudgedByItsName()
    {
        // A form's labels, then more text than any form or report has: the reader refuses the part before parsing it.
        using var host = new TestHostFolder();
        var path = WriteDocx(host, "bloated.docx", WordMarkup.Paragraph("案例名称 申报单位名称 案例类型 创造人")
            + WordMarkup.Paragraph(new string('字', (int)FileRoleDetector.MaxDocumentXmlCharacters)));

        Assert.Equal(FileRole.Report, new FileRoleDetector().Detect("附件2-案例报告.docx", path));
    }

    private static string WriteDocx(TestHostFolder host, string name, string bodyXml)
    {
        var path = Path.Combine(host.NewFolder(Path.GetFileNameWithoutExtension(name)), name);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(WordMarkup.Document(bodyXml));
        return path;
    }

    [Fact]
    public async Task Detect_LegacyDocMadeByLibreOffice_IsJudgedByItsUtf16Text()
    {
        using var host = new TestHostFolder();
        var folder = host.NewFolder("doc");
        var docx = Path.Combine(folder, "form.docx");
        File.Copy(Path.Combine(TestPaths.CorpusPackage("D01"), "申报表.docx"), docx);
        if (!await TryConvertToDocAsync(docx, folder))
        {
            return; // soffice is not installed here (scripts/setup installs it); nothing to convert with
        }

        Assert.Equal(FileRole.Form, new FileRoleDetector().Detect("scan0002.doc", Path.Combine(folder, "form.doc")));
    }

    [Fact]
    public async Task ProcessAsync_PackageWithOnlyAForm_GetsMissingDocumentForReportAndStampPage()
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore();
        var package = host.NewFolder("P-only-form");
        File.Copy(Path.Combine(TestPaths.CorpusPackage("D01"), "申报表.docx"), Path.Combine(package, "材料.docx"));

        var record = await provider.ProcessAsync(package);

        var missing = record.Findings.Where(f => f.Code == FindingCodes.MissingDocument).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, f => f.Message.Contains("案例报告", StringComparison.Ordinal));
        Assert.Contains(missing, f => f.Message.Contains("盖章页", StringComparison.Ordinal));
        Assert.All(missing, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal("P-only-form", record.SubmissionId);
        Assert.Equal(Verdict.Rejected, record.Verdict);
    }

    [Fact]
    public async Task ProcessAsync_RefusedEntry_GivesPackageUnreadableNamingPackageAndEntryAndARecord()
    {
        using var host = new TestHostFolder();
        await using var provider = host.BuildCore();
        var zip = TestZips.Create(Path.Combine(host.Root, "P-evil.zip"), a =>
        {
            TestZips.Add(a, "../escape.docx", "x");
            TestZips.Add(a, "manifest.json", "{\"submissionId\":\"P-evil-1\",\"edition\":8}");
        });

        var record = await provider.ProcessAsync(zip);

        var finding = Assert.Single(record.Findings, f => f.Code == FindingCodes.PackageUnreadable);
        Assert.Contains("P-evil", finding.Message, StringComparison.Ordinal);
        Assert.Contains("../escape.docx", finding.Message, StringComparison.Ordinal);
        Assert.Equal("P-evil-1", record.SubmissionId);
        Assert.Equal(8, record.Edition);
        Assert.Equal(Verdict.Failed, record.Verdict);
    }

    private static async Task<bool> TryConvertToDocAsync(string docx, string outputFolder)
    {
        var info = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "-env:UserInstallation=file://" + Path.Combine(outputFolder, "lo-profile"), "--convert-to", "doc", "--outdir", outputFolder, docx })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0 && File.Exists(Path.ChangeExtension(docx, ".doc"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
