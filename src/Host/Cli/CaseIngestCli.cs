using System.CommandLine;
using System.Reflection;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Core.Startup;

namespace CaseIngest.Host.Cli;

/// <summary>The <c>caseingest</c> command line: the commands of this assembly (<see cref="ICliCommand"/>) plus the
/// commands plugins contribute (<see cref="IPluginCommand"/>), which receive their arguments untouched.</summary>
internal static class CaseIngestCli
{
    /// <summary>The exit code of a start stopped by <see cref="HostStartup"/> (and of other configuration errors).</summary>
    public const int StartupFailedExitCode = 2;

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
            int? pluginExit;
            try
            {
                pluginExit = await PluginCommands.TryRunAsync(args[0], args[1..], services);
            }
            catch (StartupException ex)
            {
                await services.Error.WriteLineAsync(ex.Message);
                return StartupFailedExitCode;
            }

            if (pluginExit is { } exitCode)
            {
                return exitCode;
            }
        }

        if (args.Length == 0 || args is ["-h" or "--help" or "-?"])
        {
            PluginCommands.AddForHelp(root);
        }

        try
        {
            // Exceptions come here rather than to System.CommandLine's handler, so that a wrong composition is said the
            // same way by every command, without a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (StartupException ex)
        {
            await services.Error.WriteLineAsync(ex.Message);
            return StartupFailedExitCode;
        }
        // The last resort of the process: say what happened and exit non-zero, as the default handler did
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await services.Error.WriteLineAsync("Unhandled exception: " + ex);
            return 1;
        }
    }

    private static IEnumerable<ICliCommand> DiscoverCommands() =>
        typeof(CaseIngestCli).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!);
}
