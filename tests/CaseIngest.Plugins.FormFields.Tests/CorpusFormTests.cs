using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Every package of the sample corpus: every form field as expected, and the form findings exactly the expected
/// violations restricted to this plugin's codes (no missing one, no false one).</summary>
public sealed class CorpusFormTests
{
    public static TheoryData<string> Ids => new(TestPaths.CorpusIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusPackage_FormEqualsExpected(string id)
    {
        using var package = new CorpusPackage(id);

        var record = await FormStepRunner.RunAsync(package.Files(hostFoundForm: true));

        var differences = ExpectedForm.Differences(package.Expected.GetProperty("form"), record.Form);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var expectedCodes = package.Expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!)
            .Where(ExpectedForm.PluginCodes.Contains).Order().ToList();
        var actualCodes = record.Findings.Select(f => f.Code).Distinct().Order().ToList();
        Assert.True(expectedCodes.SequenceEqual(actualCodes),
            $"expected [{string.Join(",", expectedCodes)}] got: {string.Join(" | ", record.Findings.Select(f => $"{f.Code} {f.Message} {f.Evidence}"))}");
        // Whose a finding is, the host says (the pipeline runner stamps it), not the plugin.
        Assert.All(record.Findings, f => Assert.Null(f.Plugin));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_HostFoundNoForm_FindsFormByContent(string id)
    {
        using var package = new CorpusPackage(id);

        var record = await FormStepRunner.RunAsync(package.Files(hostFoundForm: false));

        var differences = ExpectedForm.Differences(package.Expected.GetProperty("form"), record.Form);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.All(record.Findings, f => Assert.Equal(package.FormFileName, Path.GetFileName(f.Location?.File)));
    }
}
