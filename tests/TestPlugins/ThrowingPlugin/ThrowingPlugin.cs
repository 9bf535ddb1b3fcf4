using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

public sealed class ThrowingPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration) =>
        services.AddTestStep<ThrowingPluginStep>(pluginConfiguration);
}

/// <summary>Writes into the record, then throws: the write must be discarded.</summary>
internal sealed class ThrowingPluginStep : TestStepBase
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        context.AddFinding("written_before_throwing", Severity.Error, "must not survive");
        throw new InvalidOperationException("deliberate failure of the throwing plugin");
    }
}
