using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

public sealed class DependentPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration) =>
        services.AddTestStep<DependentPluginStep>(pluginConfiguration);
}

/// <summary>Reads what the plugins it needs wrote (the echo form), to show it runs after them.</summary>
internal sealed class DependentPluginStep : TestStepBase
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        context.AddFinding("dependent_saw", Severity.Info, "what the dependent plugin saw", evidence: context.Record.Form?.CaseName ?? "nothing");
        return Task.CompletedTask;
    }
}
