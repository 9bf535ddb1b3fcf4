using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Plugins.StructureChecks.Tests.Support;

/// <summary>Runs the real StructureChecks step, composed the way the host composes it (registrar + configuration).</summary>
internal sealed class StepHarness : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="settings">Configuration keys from the root (<c>Plugins:StructureChecks:…</c>).</param>
    public StepHarness(IDictionary<string, string?>? settings = null) =>
        _services = PluginSteps.Compose(new StructureChecksRegistrar(), StructureChecksOptions.SectionName, settings);

    public static readonly string[] ReportCodes =
    [
        FindingCodes.TitleTooLong, FindingCodes.TitleHasCompanyName, FindingCodes.TitleHasAbbreviation, FindingCodes.CaseNameMismatch,
        FindingCodes.TooShort, FindingCodes.TooLong, FindingCodes.OverviewTooLong, FindingCodes.ContentTooLong,
        FindingCodes.PerformanceTooLong, FindingCodes.MissingDimension, FindingCodes.NoToc, FindingCodes.FirstPerson,
        FindingCodes.HeadingDepth4, FindingCodes.FormatBody, FindingCodes.FormatHeadings, FindingCodes.FormatPage,
        FindingCodes.FormatRulesSkipped, FindingCodes.CompanyAsShortName, FindingCodes.SecondPerson, FindingCodes.MissingSection,
        FindingCodes.NoPartnerDescribed, FindingCodes.FormatTitle, FindingCodes.CompanyLineMismatch, FindingCodes.IndicatorReportMismatch,
        FindingCodes.ImplementationUnderOneYear,
    ];

    /// <summary>The codes only the form makes checkable: without it they cannot be found.</summary>
    public static readonly string[] FormCodes = [FindingCodes.CaseNameMismatch, FindingCodes.CompanyLineMismatch, FindingCodes.IndicatorReportMismatch];

    public async Task<CaseRecord> RunAsync(string reportPath, FormSection? form = null, string ruleSet = "edition-8", string? name = null)
    {
        var record = new CaseRecord { SubmissionId = "T", Form = form, RuleSet = ruleSet };
        var context = PluginSteps.Context(record, [TestPackageFiles.Of(reportPath, FileRole.Report, name)], ruleSet);
        await using var scope = _services.CreateAsyncScope();
        var step = PluginSteps.Step(scope.ServiceProvider);
        Assert.True(step.CanRun(context));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await step.RunAsync(context, timeout.Token);
        return record;
    }

    public void Dispose() => _services.Dispose();
}
