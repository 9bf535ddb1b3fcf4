using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Converts every corpus form and the generated variants to text PDFs with LibreOffice, in one soffice run for
/// the class (each launch costs about a second).</summary>
public sealed class PdfFormsFixture : IAsyncLifetime
{
    public static readonly LayoutVariant[] Variants =
    [
        LayoutVariant.Standard, LayoutVariant.SpacedLabels | LayoutVariant.EmptyRows | LayoutVariant.OtherOrder,
        LayoutVariant.MergedCells | LayoutVariant.ValuesSplitAcrossRuns, LayoutVariant.LabelAndValueInOneCell,
        LayoutVariant.InsideLargerDocument | LayoutVariant.NestedInLayoutTable,
    ];

    /// <summary>Opinions long enough to push the creators and the recommender block onto the second page.</summary>
    public static FormSpec LongForm => new()
    {
        ApplicantOpinion = string.Concat(Enumerable.Repeat("同意申报。申报材料内容真实、数据准确，案例成果已在多座工厂推广应用。", 12)),
        Creators = Enumerable.Range(1, 5).Select(i => new[] { $"人员{i}", "数字科技中心副主任", "高级工程师" }).ToList(),
    };

    public static FormSpec VariantForm(LayoutVariant variant) =>
        new() { Layout = variant, Checkboxes = CheckboxKind.ContentControl, TickedTypes = [CaseTypes.Solution] };

    private readonly TemporaryDirectory _directory = new("formfields-pdf-");

    public string Directory => _directory.Path;

    /// <summary>PDF path by key: a corpus id, <c>variant-&lt;n&gt;</c> or <c>long</c>.</summary>
    public Dictionary<string, string> Pdf { get; } = [];

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

        foreach (var variant in Variants)
        {
            inputs[$"variant-{(int)variant}"] = FormDocxBuilder.Write(VariantForm(variant), Directory, $"variant-{(int)variant}.docx");
        }

        inputs["long"] = FormDocxBuilder.Write(LongForm, Directory, "long.docx");
        var pdfs = await LibreOffice.ConvertToPdfAsync(inputs.Values.ToList(), Directory);
        foreach (var (key, pdf) in inputs.Keys.Zip(pdfs))
        {
            Pdf[key] = pdf;
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A form exported to a text PDF gives the same fields as its .docx.</summary>
public sealed class PdfFormTests(PdfFormsFixture pdfs) : IClassFixture<PdfFormsFixture>
{
    public static TheoryData<string> Ids => new(TestPaths.CorpusIds);

    public static TheoryData<LayoutVariant> Variants => new(PdfFormsFixture.Variants);

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusFormExportedToPdf_SameFieldsAsDocx(string id)
    {
        using var package = new CorpusPackage(id);

        var record = await FormStepRunner.RunOnFileAsync(pdfs.Pdf[id], FileRole.Form, "申报表.pdf");

        var differences = ExpectedForm.Differences(package.Expected.GetProperty("form"), record.Form);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var docx = await FormStepRunner.RunOnFileAsync(package.FormPath);
        Assert.Equal(docx.Findings.Select(f => f.Code).Order(), record.Findings.Select(f => f.Code).Order());
    }

    [LibreOfficeTheory]
    [MemberData(nameof(Variants))]
    public async Task RunAsync_GeneratedVariantExportedToPdf_ReadsEveryField(LayoutVariant variant)
    {
        var spec = PdfFormsFixture.VariantForm(variant);

        var record = await FormStepRunner.RunOnFileAsync(pdfs.Pdf[$"variant-{(int)variant}"]);

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
    [InlineData("long")]
    public async Task RunAsync_FormBrokenOverPagesInPdf_BlocksContinueOnNextPage(string key)
    {
        var spec = PdfFormsFixture.LongForm;

        var record = await FormStepRunner.RunOnFileAsync(pdfs.Pdf[key]);

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfs.Pdf[key]))
        {
            Assert.True(pdf.NumberOfPages > 1);
        }

        Assert.Equal(spec.ApplicantOpinion, record.Form!.ApplicantOpinion);
        Assert.Equal(5, record.Form.Creators.Count);
        Assert.Equal("周敏", record.Form.RecommenderContact?.Name);
        Assert.Equal(spec.Recommender, record.Form.Recommender);
        Assert.True(record.Findings.Count == 0, string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Evidence}")));
    }
}
