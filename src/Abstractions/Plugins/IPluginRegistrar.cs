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
///         services.AddScoped&lt;ISubmissionStep, MyStep&gt;();
///     }
/// }
/// </code>
/// </example>
public interface IPluginRegistrar
{
    /// <summary>Registers the plugin's steps and services.</summary>
    /// <param name="services">The host's services; add <see cref="ISubmissionStep"/> implementations here.</param>
    /// <param name="pluginConfiguration">The configuration section <c>Plugins:&lt;Name&gt;</c>.</param>
    void Register(IServiceCollection services, IConfiguration pluginConfiguration);
}
