using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.StructureChecks.Tests.RealWorld;

/// <summary>Real .docx files from other projects' fixtures: read what can be read, fail clearly (a finding naming the
/// file) on what cannot — never a crash, never a hang.</summary>
public sealed class RealWorldReportTests : IDisposable
{
    private readonly StepHarness _harness = new();

    public static TheoryData<string> RepositoryFiles => new(
        "A03_zh-toc-field.docx", "A04_zh-procurement-doc_libreoffice.docx", "A08_zh-toc_sdt.docx", "A10_zh-long-report_hdrftr.docx",
        "A11_zh-heading-styles-report.docx", "A19_complex_w14chk_toc_sdt_large.docx", "A27_toc_sdt-docpart.docx",
        "A28_numbering_overrides.docx", "A31_neg_truncated-zip.docx", "A32_neg_encrypted-password-is-pass.docx",
        "A33_neg_ole-doc-with-docm-ext.docm", "A34_neg_fuzz_not-a-zip.docx", "A35_neg_fuzz_bad-central-dir.docx",
        "A36_neg_fuzz_zip-ok-content-mangled.docx", "A39_edge_reader-hang.docx", "A40_edge_minimal-3-parts.docx");

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public async Task RunAsync_RealWorldDocx_ReadsOrFailsClearly(string name)
    {
        var record = await _harness.RunAsync(Path.Combine(TestPaths.RealWorld, name));

        AssertReadOrFailedClearly(record, name);
    }

    [Theory]
    [InlineData("A31_neg_truncated-zip.docx", "损坏")]
    [InlineData("A32_neg_encrypted-password-is-pass.docx", "加密")]
    [InlineData("A33_neg_ole-doc-with-docm-ext.docm", ".doc")]
    [InlineData("A34_neg_fuzz_not-a-zip.docx", "损坏")]
    [InlineData("A35_neg_fuzz_bad-central-dir.docx", "损坏")]
    public async Task RunAsync_BrokenFile_UnsupportedFormFormatNamingFileAndProblem(string name, string problem)
    {
        var record = await _harness.RunAsync(Path.Combine(TestPaths.RealWorld, name));

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(name, finding.Evidence);
        Assert.Contains(problem, finding.Evidence);
        Assert.Null(record.Report);
    }

    [Fact]
    public async Task RunAsync_TocFieldInsideDocPartContentControl_HasTocAndAutoNumberedHeading()
    {
        // A08: the 目录 is a TOC field inside a "Table of Contents" content control; the heading's 一、 is Word's
        // automatic numbering (chineseCounting) and only exists once rendered.
        var report = (await _harness.RunAsync(Path.Combine(TestPaths.RealWorld, "A08_zh-toc_sdt.docx"))).Report!;

        Assert.True(report.HasToc);
        Assert.Equal("一、风险识别", report.Outline[0].Heading);
        Assert.Equal(1, report.Outline[0].Level);
    }

    [Theory]
    [InlineData("A04_zh-procurement-doc_libreoffice.docx")]
    [InlineData("A03_zh-toc-field.docx")]
    [InlineData("A27_toc_sdt-docpart.docx")]
    [InlineData("A19_complex_w14chk_toc_sdt_large.docx")]
    public async Task RunAsync_WordToc_HasToc(string name)
    {
        var record = await _harness.RunAsync(Path.Combine(TestPaths.RealWorld, name));

        Assert.True(record.Report!.HasToc);
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.NoToc);
    }

    [SharedRealWorldFact]
    public async Task RunAsync_EveryDocxInTheSharedFolder_ReadsOrFailsClearly()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.SharedRealWorld!, "A*").Order())
        {
            AssertReadOrFailedClearly(await _harness.RunAsync(file), Path.GetFileName(file));
        }
    }

    private static void AssertReadOrFailedClearly(CaseRecord record, string name)
    {
        if (record.Report is null)
        {
            var finding = Assert.Single(record.Findings);
            Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
            Assert.Contains(name, finding.Evidence);
            return;
        }

        Assert.NotNull(record.Report.Text);
        // Whose a finding is, the host says (the pipeline runner stamps it), not the plugin.
        Assert.All(record.Findings, f => Assert.Null(f.Plugin));
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.UnsupportedFormFormat);
    }

    public void Dispose() => _harness.Dispose();
}
