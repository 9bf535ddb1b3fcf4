using System.CommandLine;

namespace CaseIngest.Host.Cli;

/// <summary>A command-line option that sets one configuration key when given (e.g. <c>--index DIR</c> →
/// <c>Search:Lucene:Path</c>). Command-line values win over appsettings.json and environment variables.</summary>
public sealed class ConfigurationOverride
{
    public ConfigurationOverride(Option<string> option, string configurationKey)
    {
        Option = option;
        ConfigurationKey = configurationKey;
    }

    public Option<string> Option { get; }

    public string ConfigurationKey { get; }
}
