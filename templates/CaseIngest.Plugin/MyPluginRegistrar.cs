using CaseIngest.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyPlugin;

/// <summary>The plugin's entry point: the host creates it before its service provider exists and calls
/// <see cref="Register"/> once. Register services here and do nothing else.</summary>
public sealed class MyPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<MyPluginOptions>()
            .Bind(pluginConfiguration)
            .Validate(o => o.MaxFileMegabytes is > 0 and <= 2048, "Plugins:MyPlugin:MaxFileMegabytes must be more than 0 and at most 2048.")
            .ValidateOnStart();

        // The step, and the plugins whose output it reads (none here; e.g. AddSubmissionStep<MyPluginStep>("FormFields")
        // runs it after FormFields, and the host refuses to start when FormFields is not loaded). The host supplies the
        // step's name (this plugin's folder) and version (this assembly's).
        services.AddSubmissionStep<MyPluginStep>();
    }
}
