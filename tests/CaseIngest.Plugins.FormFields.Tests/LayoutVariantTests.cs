using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Every layout variant (and all of them at once) gives the same fields as the standard form.</summary>
public sealed class LayoutVariantTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-layout-");

    public static TheoryData<LayoutVariant> Variants => new(
        Enum.GetValues<LayoutVariant>().Append((LayoutVariant)Enum.GetValues<LayoutVariant>().Sum(v => (int)v)));

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task RunAsync_LayoutVariant_ReadsEveryField(LayoutVariant variant)
    {
        var spec = new FormSpec { Layout = variant, Checkboxes = CheckboxKind.ContentControl };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        var form = record.Form!;
        Assert.Equal(spec.CaseName, form.CaseName);
        Assert.Equal(spec.Applicant, form.Applicant);
        Assert.Equal(spec.Recommender, form.Recommender);
        Assert.Equal([CaseTypes.Management], form.DeclaredTypes);
        Assert.Equal([1486000d, 1623500d], form.Indicators["主营业务收入"]);
        Assert.Equal([8.6, 10.3], form.Indicators["数智化专业人才占比"]);
        Assert.Equal([1352d, 1413d], form.Indicators["专利或软件著作权数量"]);
        Assert.Equal(string.Join("|", spec.ApplicantContact), $"{form.ApplicantContact!.Name}|{form.ApplicantContact.Title}|{form.ApplicantContact.Phone}|{form.ApplicantContact.Email}");
        Assert.Equal(string.Join("|", spec.RecommenderContact), $"{form.RecommenderContact!.Name}|{form.RecommenderContact.Title}|{form.RecommenderContact.Phone}|{form.RecommenderContact.Email}");
        Assert.Equal(spec.Creators.Select(c => string.Join("|", c)), form.Creators.Select(c => $"{c.Name}|{c.Title}|{c.Rank}"));
        Assert.Equal(spec.ApplicantOpinion, form.ApplicantOpinion);
        Assert.Equal(spec.RecommenderOpinion, form.RecommenderOpinion);
        Assert.True(record.Findings.Count == 0, string.Join("\n", record.Findings.Select(f => $"{f.Code} {f.Evidence}")));
    }

    public void Dispose() => _dir.Dispose();
}
