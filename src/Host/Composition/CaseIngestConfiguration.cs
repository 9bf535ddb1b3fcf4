using Microsoft.Extensions.Configuration;

namespace CaseIngest.Host.Composition;

/// <summary>The configuration sources, lowest precedence first: appsettings.json beside the executable, then one in
/// the current folder, environment variables (<c>Plugins__Path</c>, or prefixed <c>CASEINGEST_Plugins__Path</c>),
/// then what the command line sets.</summary>
public static class CaseIngestConfiguration
{
    public const string EnvironmentPrefix = "CASEINGEST_";

    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? commandLine = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "caseingest.json"), optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLine ?? new Dictionary<string, string?>())
            .Build();
}
