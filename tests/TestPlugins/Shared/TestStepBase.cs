using CaseIngest.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

/// <summary>What every test step shares: it can always run.</summary>
internal abstract class TestStepBase : ISubmissionStep
{
    public virtual bool CanRun(SubmissionContext context) => true;

    public abstract Task RunAsync(SubmissionContext context, CancellationToken cancellationToken);
}

/// <summary>Registers a test step with the needs read from <c>Plugins:&lt;Name&gt;:Needs</c> (a comma list or an array),
/// so tests can shape the dependency graph (orders, cycles, missing plugins) from configuration.</summary>
internal static class TestStepRegistration
{
    public static IServiceCollection AddTestStep<TStep>(this IServiceCollection services, IConfiguration pluginConfiguration)
        where TStep : TestStepBase
    {
        var needs = pluginConfiguration.GetSection("Needs");
        return services.AddSubmissionStep<TStep>(needs.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : needs.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray());
    }
}
