using System.CommandLine;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary>Commands registered by plugins: run by name with the remaining arguments, listed in the root help.</summary>
internal static class PluginCommands
{
    /// <summary>Runs the plugin command called <paramref name="name"/>; null when no plugin has one.</summary>
    public static async Task<int?> TryRunAsync(string name, IReadOnlyList<string> args, CliServices services)
    {
        // Checked before the lookup: a command whose plugin did not load is reported as that, not as an unknown command.
        using var provider = BuildProvider(check: true);
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
            using var provider = BuildProvider(check: false);
            foreach (var command in provider.GetServices<IPluginCommand>())
            {
                root.Subcommands.Add(new Command(command.Name, command.Description + " (plugin command; arguments passed through)"));
            }
        }
        // Help must print whatever the plugins folder holds
        catch (Exception)
        {
        }
    }

    // Plugin commands take no host options: the configuration is the files' and the environment's.
    private static ServiceProvider BuildProvider(bool check) =>
        HostStartup.Build(services => services.AddCaseIngest(CaseIngestConfiguration.Build()), check);
}
