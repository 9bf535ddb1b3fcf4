using Microsoft.Extensions.Configuration;

namespace CaseIngest.Host.Composition;

/// <summary>The configuration sources, lowest precedence first: appsettings.json beside the executable, then one in
/// the current folder, environment variables (<c>Plugins__Path</c>, or prefixed <c>CASEINGEST_Plugins__Path</c>),
/// then what the command line sets.</summary>
public static class CaseIngestConfiguration
{
    public const string EnvironmentPrefix = "CASEINGEST_";

    /// <param name="commandLine">What the command line sets.</param>
    /// <param name="watch">Re-read caseingest.json when it is edited (serve: a user removed or demoted there loses access
    /// on their next request). Off for the other commands, which need no file watcher.</param>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? commandLine = null, bool watch = false) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "caseingest.json"), optional: true, reloadOnChange: watch)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLine ?? new Dictionary<string, string?>())
            .Build();
}
