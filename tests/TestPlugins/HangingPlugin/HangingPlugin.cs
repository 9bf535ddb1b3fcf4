using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

public sealed class HangingPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration) =>
        services.AddTestStep<HangingPluginStep>(pluginConfiguration);
}

/// <summary>Never finishes and ignores cancellation, like a step stuck in native code.</summary>
internal sealed class HangingPluginStep : TestStepBase
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        context.AddFinding("written_while_hanging", Severity.Error, "must not survive");
        return new TaskCompletionSource().Task;
    }
}
