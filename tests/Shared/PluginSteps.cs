using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Testing;

/// <summary>A plugin's step composed the way the host composes it: its registrar, given the plugin's configuration
/// section, in a service provider of its own.</summary>
internal static class PluginSteps
{
    /// <summary>The plugin's services; <paramref name="settings"/> are configuration keys from the root
    /// (<c>Plugins:&lt;Name&gt;:…</c>), of which the registrar is given the section <paramref name="sectionName"/>.</summary>
    public static ServiceProvider Compose(IPluginRegistrar registrar, string sectionName, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        // Not through HostStartup.Build: a plugin's tests reference Abstractions and the plugin only, as a third-party
        // plugin is built, so the host's start is not in reach. How the host starts a plugin (its options validated,
        // its needs ordered, the same message for a broken one) is tested with the real plugins in Core.Tests and Host.Tests.
        var services = new ServiceCollection();
        services.AddLogging();
        registrar.Register(services, configuration.GetSection(sectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The plugin's step for one package, resolved from <paramref name="scope"/> as the host does it.</summary>
    public static ISubmissionStep Step(IServiceProvider scope) =>
        (ISubmissionStep)scope.GetRequiredService(scope.GetRequiredService<StepRegistration>().StepType);

    /// <summary>What the host hands a step: the record, the package's files and the rule set.</summary>
    public static SubmissionContext Context(CaseRecord record, IReadOnlyList<PackageFile> files, string ruleSet = "edition-8") =>
        new(record, files, ruleSet, NullLogger.Instance);
}
