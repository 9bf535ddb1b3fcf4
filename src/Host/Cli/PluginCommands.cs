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
        using var provider = BuildProvider();
        // Checked before the lookup: a command whose plugin did not load is reported as that, not as an unknown command.
        HostStartup.Check(provider);
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
