using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Tests.Pipeline;

/// <summary>One severity table: the override, else the catalogue's default, else (a code of a plugin's own) what the
/// plugin said; a plugin names a catalogue code without a severity.</summary>
public sealed class SeverityTableTests
{
    private static SeverityTable Table(params (string Code, Severity Severity)[] overrides) =>
        new(Options.Create(new PipelineOptions
        {
            SeverityOverrides = overrides.ToDictionary(o => o.Code, o => o.Severity, StringComparer.Ordinal),
        }));

    private static SubmissionContext Context() => new(new CaseRecord { SubmissionId = "S1" }, [], "edition-8", NullLogger.Instance);

    [Fact]
    public void Of_CatalogueCode_TheCatalogueDefaultWhateverTheFindingSays() =>
        Assert.Equal(Severity.Error, Table().Of(new Finding { Code = FindingCodes.LateSubmission, Severity = Severity.Info }));

    [Fact]
    public void Of_OverriddenCode_TheOverride() =>
        Assert.Equal(Severity.Warning, Table((FindingCodes.TooShort, Severity.Warning)).Of(new Finding { Code = FindingCodes.TooShort }));

    [Fact]
    public void Of_APluginsOwnCode_WhatThePluginSaid() =>
        Assert.Equal(Severity.Warning, Table().Of(new Finding { Code = "page_downscaled", Severity = Severity.Warning }));

    [Fact]
    public void AddFinding_CatalogueCodeWithoutSeverity_TakesTheCatalogueSeverityAndTheRuleSet()
    {
        var finding = Context().AddFinding(FindingCodes.NoToc, "案例报告没有目录");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("edition-8", finding.RuleSet);
    }

    [Fact]
    public void AddFinding_UnknownCodeWithoutSeverity_SaysToGiveOne()
    {
        var error = Assert.Throws<ArgumentException>(() => Context().AddFinding("my_own_code", "message"));

        Assert.Contains("'my_own_code' is not a code of the catalogue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFinding_OwnCodeWithSeverity_KeepsIt() =>
        Assert.Equal(Severity.Warning, Context().AddFinding("my_own_code", Severity.Warning, "message").Severity);
}
