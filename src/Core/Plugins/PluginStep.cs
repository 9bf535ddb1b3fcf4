using CaseIngest.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Plugins;

/// <summary>A plugin's step as the host knows it: the name (the plugin's folder), the version (its assembly), the needs
/// it declared at registration. The step itself is resolved per package from the package's scope.</summary>
public sealed record PluginStep(string Name, string Version, IReadOnlyList<string> Needs, Type StepType)
{
    /// <summary>The step for one package.</summary>
    public ISubmissionStep Resolve(IServiceProvider scope) => (ISubmissionStep)scope.GetRequiredService(StepType);
}
