using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;

namespace CaseIngest.Core.Tests.Pipeline;

public sealed class VerdictRuleTests
{
    private static Finding F(string code, Severity severity) => new() { Code = code, Severity = severity };

    [Fact]
    public void Derive_NoFindingsOrOnlyInfo_Accepted() =>
        Assert.Equal(Verdict.Accepted, VerdictRule.Derive([F(FindingCodes.TypeUnsure, Severity.Info)]));

    [Fact]
    public void Derive_AWarning_NeedsReview() =>
        Assert.Equal(Verdict.NeedsReview, VerdictRule.Derive([F(FindingCodes.TypeUnsure, Severity.Info), F(FindingCodes.FormatBody, Severity.Warning)]));

    [Fact]
    public void Derive_AnError_Rejected() =>
        Assert.Equal(Verdict.Rejected, VerdictRule.Derive([F(FindingCodes.FormatBody, Severity.Warning), F(FindingCodes.TooShort, Severity.Error)]));

    [Theory]
    [InlineData(FindingCodes.PluginFailed)]
    [InlineData(FindingCodes.PackageUnreadable)]
    public void Derive_IncompleteChecks_FailedEvenWhenDowngraded(string code) =>
        Assert.Equal(Verdict.Failed, VerdictRule.Derive([F(FindingCodes.TooShort, Severity.Error), F(code, Severity.Warning)]));
}
