using CaseIngest.Abstractions.Plugins;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage;

/// <summary>Registers the rubric coverage step and its options (<c>Plugins:RubricCoverage</c>).</summary>
public sealed class RubricCoverageRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<RubricCoverageOptions>().Bind(pluginConfiguration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RubricCoverageOptions>, RubricCoverageOptionsValidator>();
        services.AddSingleton<RubricCatalog>();
        services.AddSingleton<CoverageAnalyzer>();
        // It reads the report as StructureChecks left it (record.report: text and outline).
        services.AddSubmissionStep<RubricCoverageStep>("StructureChecks");
    }
}
