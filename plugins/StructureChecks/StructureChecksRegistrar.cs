using CaseIngest.Abstractions.Plugins;
using CaseIngest.Documents.Docx;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;
using CaseIngest.Plugins.StructureChecks.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.StructureChecks;

/// <summary>Registers the StructureChecks step, its rules and its options (<c>Plugins:StructureChecks</c>).</summary>
public sealed class StructureChecksRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<StructureChecksOptions>().Bind(pluginConfiguration).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<StructureChecksOptions>, StructureChecksOptionsSetup>();
        services.AddSingleton<IValidateOptions<StructureChecksOptions>, StructureChecksOptionsValidator>();
        services.AddSingleton<RuleSetCatalog>();
        // The host's (which read the report for its role) when the host has one; the plugin's own otherwise.
        services.TryAddSingleton<DocxDocumentCache>();
        services.AddSingleton<ReportFileReader>();
        services.AddSingleton<PatternCache>();

        // Order is the order findings appear in: title, length, structure, wording, format.
        services.AddSingleton<IReportRule, TitleLengthRule>();
        services.AddSingleton<IReportRule, TitleCompanyNameRule>();
        services.AddSingleton<IReportRule, TitleAbbreviationRule>();
        services.AddSingleton<IReportRule, CaseNameMatchRule>();
        services.AddSingleton<IReportRule, CompanyLineMismatchRule>();
        services.AddSingleton<IReportRule, WordCountRule>();
        services.AddSingleton<IReportRule, MissingSectionRule>();
        services.AddSingleton<IReportRule, DimensionRule>();
        services.AddSingleton<IReportRule, TocRule>();
        services.AddSingleton<IReportRule, HeadingDepthRule>();
        services.AddSingleton<IReportRule, NoPartnerDescribedRule>();
        services.AddSingleton<IReportRule, NoFiguresOrTablesRule>();
        services.AddSingleton<IReportRule, ImplementationPeriodRule>();
        services.AddSingleton<IReportRule, IndicatorReportMismatchRule>();
        services.AddSingleton<IReportRule, FirstPersonRule>();
        services.AddSingleton<IReportRule, SecondPersonRule>();
        services.AddSingleton<IReportRule, CompanyAsShortNameRule>();
        services.AddSingleton<IReportRule, FormatTitleRule>();
        services.AddSingleton<IReportRule, FormatHeadingsRule>();
        services.AddSingleton<IReportRule, FormatBodyRule>();
        services.AddSingleton<IReportRule, FormatPageRule>();

        // The form's case name, applicant and indicators are compared with the report's title, company line and figures.
        services.AddSubmissionStep<StructureChecksStep>("FormFields");
    }
}
