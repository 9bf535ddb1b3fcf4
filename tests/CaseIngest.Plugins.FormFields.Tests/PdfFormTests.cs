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

public sealed class PdfFormTests(CorpusPdfFixture pdfs) : IClassFixture<CorpusPdfFixture>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("formfields-pdfvariants-");

    public static TheoryData<LayoutVariant> Variants => new(
        LayoutVariant.Standard, LayoutVariant.SpacedLabels | LayoutVariant.EmptyRows | LayoutVariant.OtherOrder,
        LayoutVariant.MergedCells | LayoutVariant.ValuesSplitAcrossRuns, LayoutVariant.LabelAndValueInOneCell,
        LayoutVariant.InsideLargerDocument | LayoutVariant.NestedInLayoutTable);

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

    [LibreOfficeTheory]
    [MemberData(nameof(Variants))]
    public async Task RunAsync_GeneratedVariantExportedToPdf_ReadsEveryField(LayoutVariant variant)
    {
        var spec = new FormSpec { Layout = variant, Checkboxes = CheckboxKind.ContentControl, TickedTypes = [CaseTypes.Solution] };
        var docx = FormDocxBuilder.Write(spec, _dir.FullName, "variant.docx");
        var pdf = (await LibreOffice.ConvertToPdfAsync([docx], _dir.FullName)).Single();

        var record = await FormStepRunner.RunOnFileAsync(pdf);

        var form = record.Form!;
        Assert.Equal((spec.CaseName, spec.Applicant, spec.Recommender), (form.CaseName, form.Applicant, form.Recommender));
        Assert.Equal([CaseTypes.Solution], form.DeclaredTypes);
        Assert.Equal([1486000d, 1623500d], form.Indicators["主营业务收入"]);
        Assert.Equal("0551-65862317", form.ApplicantContact?.Phone);
        Assert.Equal("ahqylh_cxb@163.com", form.RecommenderContact?.Email);
        Assert.Equal(spec.Creators.Count, form.Creators.Count);
        Assert.True(record.Findings.Count == 0, string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Evidence}")));
    }

    [LibreOfficeTheory]
    [InlineData(0)]
    public async Task RunAsync_FormBrokenOverPagesInPdf_BlocksContinueOnNextPage(int _)
    {
        // GIVEN opinions long enough to push the creators and the recommender block onto the second page
        var spec = new FormSpec
        {
            ApplicantOpinion = string.Concat(Enumerable.Repeat("同意申报。申报材料内容真实、数据准确，案例成果已在多座工厂推广应用。", 12)),
            Creators = Enumerable.Range(1, 5).Select(i => new[] { $"人员{i}", "数字科技中心副主任", "高级工程师" }).ToList(),
        };
        var docx = FormDocxBuilder.Write(spec, _dir.FullName, "long.docx");
        var pdf = (await LibreOffice.ConvertToPdfAsync([docx], _dir.FullName)).Single();

        var record = await FormStepRunner.RunOnFileAsync(pdf);

        Assert.True(UglyToad.PdfPig.PdfDocument.Open(pdf).NumberOfPages > 1);
        Assert.Equal(spec.ApplicantOpinion, record.Form!.ApplicantOpinion);
        Assert.Equal(5, record.Form.Creators.Count);
        Assert.Equal("周敏", record.Form.RecommenderContact?.Name);
        Assert.Equal(spec.Recommender, record.Form.Recommender);
        Assert.True(record.Findings.Count == 0, string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Evidence}")));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
