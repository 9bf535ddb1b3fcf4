using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Converts every corpus form to a text PDF with LibreOffice once for the class.</summary>
public sealed class CorpusPdfFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("formfields-pdf-").FullName;

    public Dictionary<string, string> PdfById { get; } = [];

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is null)
        {
            return;
        }

        var inputs = new Dictionary<string, string>();
        foreach (var id in TestPaths.CorpusIds)
        {
            using var package = new CorpusPackage(id);
            var copy = Path.Combine(Directory, id + ".docx");
            File.Copy(package.FormPath, copy, overwrite: true);
            inputs[id] = copy;
        }

        var pdfs = await LibreOffice.ConvertToPdfAsync(inputs.Values.ToList(), Directory);
        foreach (var (id, pdf) in inputs.Keys.Zip(pdfs))
        {
            PdfById[id] = pdf;
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PdfFormTests(CorpusPdfFixture pdfs) : IClassFixture<CorpusPdfFixture>
{
    public static TheoryData<string> Ids => new(TestPaths.CorpusIds);

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusFormExportedToPdf_SameFieldsAsDocx(string id)
    {
        using var package = new CorpusPackage(id);

        var record = await FormStepRunner.RunOnFileAsync(pdfs.PdfById[id], FileRole.Form, "申报表.pdf");

        var differences = ExpectedForm.Differences(package.Expected.GetProperty("form"), record.Form);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var docx = await FormStepRunner.RunOnFileAsync(package.FormPath);
        Assert.Equal(docx.Findings.Select(f => f.Code).Order(), record.Findings.Select(f => f.Code).Order());
    }
}
