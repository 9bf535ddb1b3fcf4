using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

public sealed class CrashingPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration) =>
        services.AddTestStep<CrashingPluginStep>(pluginConfiguration);
}

/// <summary>Takes its whole process down, like a native crash: only a child process survives it.</summary>
internal sealed class CrashingPluginStep : TestStepBase
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        Environment.FailFast("deliberate native-style crash of the crashing plugin");
        return Task.CompletedTask;
    }
}
