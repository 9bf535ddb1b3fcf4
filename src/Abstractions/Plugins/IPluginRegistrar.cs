using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Abstractions.Plugins;

/// <summary>
/// Entry point of a plugin assembly (<c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>). Created with a parameterless
/// constructor before the service provider exists: register services here and do nothing else.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyRegistrar : IPluginRegistrar
/// {
///     public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
///     {
///         services.AddOptions&lt;MyOptions&gt;().Bind(pluginConfiguration);
///         services.AddSubmissionStep&lt;MyStep&gt;("FormFields"); // runs after FormFields, whose output it reads
///     }
/// }
/// </code>
/// </example>
public interface IPluginRegistrar
{
    /// <summary>Registers the plugin's steps and services.</summary>
    /// <param name="services">The host's services; add the plugin's step with <see cref="StepServiceCollectionExtensions.AddSubmissionStep{TStep}"/> (one per plugin).</param>
    /// <param name="pluginConfiguration">The configuration section <c>Plugins:&lt;Name&gt;</c>.</param>
    void Register(IServiceCollection services, IConfiguration pluginConfiguration);
}
