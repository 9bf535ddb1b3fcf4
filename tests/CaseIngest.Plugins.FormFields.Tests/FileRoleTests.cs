using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The host decides file roles; the plugin reads the file the host took for the form and second-guesses no
/// other. Only when the host found no form does it search the other documents.</summary>
public sealed class FileRoleTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-roles-");

    [Fact]
    public async Task RunAsync_HostTookAFileForTheForm_OnlyThatFileIsRead()
    {
        // GIVEN the host took a report for the form, and a real form sits among the other files
        var report = Path.Combine(TestPaths.RealWorld, "A11_zh-heading-styles-report.docx");
        var form = FormDocxBuilder.Write(new FormSpec(), _dir.Path);

        var record = await FormStepRunner.RunAsync(
            [TestPackageFiles.Of(report, FileRole.Form, "申报表.docx"), TestPackageFiles.Of(form, FileRole.Other, "其他材料.docx")]);

        // THEN the form is not taken from the other file: the file the host chose is said to show no form
        Assert.Null(record.Form);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Equal("申报表.docx", finding.Location!.File);
        Assert.Contains("找不到申报表", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HostFoundNoForm_TheOtherDocumentsAreSearched()
    {
        var spec = new FormSpec();
        var form = FormDocxBuilder.Write(spec, _dir.Path);

        var record = await FormStepRunner.RunAsync([TestPackageFiles.Of(form, FileRole.Other, "其他材料.docx")]);

        Assert.Equal(spec.CaseName, record.Form!.CaseName);
    }

    public void Dispose() => _dir.Dispose();
}
