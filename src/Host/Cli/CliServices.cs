using System.CommandLine;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Host.Cli;

/// <summary>What every command gets: options that override configuration keys, and the composition of the
/// service provider from configuration (appsettings.json, environment, the command line).</summary>
public sealed class CliServices
{
    private readonly List<ConfigurationOverride> _overrides = [];

    public CliServices(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        SetOption = new Option<string[]>("--set")
        {
            Description = "Sets any configuration key: --set Plugins:OcrStamps:TimeoutSeconds=300 (repeatable)",
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        SetOption.Validators.Add(result =>
        {
            foreach (var assignment in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (assignment.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--set expects KEY=VALUE, got '{assignment}'.");
                }
            }
        });
    }

    /// <summary>Where commands write their results (stdout).</summary>
    public TextWriter Output { get; }

    /// <summary>Where commands write errors (stderr); logs go there too.</summary>
    public TextWriter Error { get; }

    /// <summary>The root's recursive <c>--set KEY=VALUE</c> option.</summary>
    public Option<string[]> SetOption { get; }

    /// <summary><c>--index DIR</c>: the embedded Lucene index folder (<c>Search:Lucene:Path</c>).</summary>
    public Option<string> IndexOption() => ConfigurationOption("--index", "Search:Lucene:Path", "The embedded index folder (default ./data/index)");

    /// <summary><c>--plugins DIR</c>: the plugins folder (<c>Plugins:Path</c>).</summary>
    public Option<string> PluginsOption() => ConfigurationOption("--plugins", "Plugins:Path", "The plugins folder (default: plugins/ beside the executable)");

    /// <summary><c>--store DIR</c>: the package store (<c>Store:Path</c>).</summary>
    public Option<string> StoreOption() => ConfigurationOption("--store", "Store:Path", "The package store folder (default ./data/packages)");

    /// <summary><c>--broker URI</c>: the RabbitMQ URI (<c>RabbitMq:Uri</c>).</summary>
    public Option<string> BrokerOption() => ConfigurationOption("--broker", "RabbitMq:Uri", "The RabbitMQ URI (amqp://user:pass@host:5672/)");

    /// <summary><c>--inbox DIR</c>: the folder watched for packages (<c>Inbox:Path</c>).</summary>
    public Option<string> InboxOption() => ConfigurationOption("--inbox", "Inbox:Path", "The inbox folder");

    /// <summary>Creates an option that, when given, sets <paramref name="configurationKey"/>. Add it to your command.</summary>
    public Option<string> ConfigurationOption(string name, string configurationKey, string description)
    {
        var option = new Option<string>(name) { Description = description };
        _overrides.Add(new ConfigurationOverride(option, configurationKey));
        return option;
    }

    /// <summary>The configuration as the parsed command line sees it; <paramref name="watch"/>: re-read caseingest.json
    /// when it changes.</summary>
    public IConfiguration BuildConfiguration(ParseResult parseResult, bool watch = false)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in _overrides)
        {
            if (parseResult.GetResult(item.Option) is not null && parseResult.GetValue(item.Option) is { } value)
            {
                values[item.ConfigurationKey] = value;
            }
        }

        foreach (var assignment in parseResult.GetValue(SetOption) ?? [])
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--set expects KEY=VALUE, got '{assignment}'.");
            }

            values[assignment[..equals].Trim()] = assignment[(equals + 1)..];
        }

        return CaseIngestConfiguration.Build(values, watch);
    }

    /// <summary>Builds the service provider (core, search, plugins, logging to stderr) for a parsed command line and runs
    /// the host's startup check on it (<see cref="HostStartup"/>).</summary>
    /// <param name="parseResult">The parsed command line; its configuration options apply.</param>
    /// <param name="configure">Extra registrations of the command, if any.</param>
    /// <param name="checkStartup">False only for <c>plugins</c>, which reports what is wrong instead of stopping.</param>
    /// <exception cref="StartupException">The composition is wrong; <see cref="CaseIngestCli"/> prints it.</exception>
    public ServiceProvider CreateProvider(ParseResult parseResult, Action<IServiceCollection, IConfiguration>? configure = null,
        bool checkStartup = true)
    {
        var configuration = BuildConfiguration(parseResult);
        return HostStartup.Build(services =>
        {
            services.AddCaseIngest(configuration);
            configure?.Invoke(services, configuration);
        }, checkStartup);
    }

    /// <summary>A logger for a command's own messages.</summary>
    public static ILogger Logger(IServiceProvider provider, string category) =>
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(category);
}
