using System.CommandLine;
using System.Reflection;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary>The <c>caseingest</c> command line: the commands of this assembly (<see cref="ICliCommand"/>) plus the
/// commands plugins contribute (<see cref="IPluginCommand"/>), which receive their arguments untouched.</summary>
internal static class CaseIngestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var services = new CliServices(Console.Out, Console.Error);
        var root = new RootCommand("CaseIngest: checks submission packages of the smart-enterprise case call and makes them searchable.");
        root.Options.Add(services.SetOption);
        foreach (var command in DiscoverCommands())
        {
            root.Subcommands.Add(command.Build(services));
        }

        var builtIn = root.Subcommands.SelectMany(c => c.Aliases.Append(c.Name)).ToHashSet(StringComparer.Ordinal);
        if (args.Length > 0 && !args[0].StartsWith('-') && !builtIn.Contains(args[0]))
        {
            var pluginExit = await PluginCommands.TryRunAsync(args[0], args[1..], services);
            if (pluginExit is { } exitCode)
            {
                return exitCode;
            }
        }

        if (args.Length == 0 || args is ["-h" or "--help" or "-?"])
        {
            PluginCommands.AddForHelp(root);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static IEnumerable<ICliCommand> DiscoverCommands() =>
        typeof(CaseIngestCli).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!);
}

/// <summary>Commands registered by plugins: run by name with the remaining arguments, listed in the root help.</summary>
internal static class PluginCommands
{
    /// <summary>Runs the plugin command called <paramref name="name"/>; null when no plugin has one.</summary>
    public static async Task<int?> TryRunAsync(string name, IReadOnlyList<string> args, CliServices services)
    {
        using var provider = BuildProvider();
        var command = provider.GetServices<IPluginCommand>().FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        if (command is null)
        {
            return null;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await command.RunAsync(args, services.Output, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Lists plugin commands in the root help; a plugin that fails to load must not break help.</summary>
    public static void AddForHelp(RootCommand root)
    {
        try
        {
            using var provider = BuildProvider();
            foreach (var command in provider.GetServices<IPluginCommand>())
            {
                root.Subcommands.Add(new Command(command.Name, command.Description + " (plugin command; arguments passed through)"));
            }
        }
#pragma warning disable CA1031 // help must print whatever the plugins folder holds
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static ServiceProvider BuildProvider()
    {
        var services = new ServiceCollection();
        services.AddCaseIngest(CaseIngestConfiguration.Build());
        return services.BuildServiceProvider();
    }
}
