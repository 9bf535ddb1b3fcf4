using System.CommandLine;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest plugins</c>: what was loaded from the plugins folder, with versions, and what was not.</summary>
internal sealed class PluginsCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var pluginsOption = services.PluginsOption();
        var command = new Command("plugins", "Lists the loaded plugins, their versions and the pipeline order") { pluginsOption };
        command.SetAction(parseResult =>
        {
            using var provider = services.CreateProvider(parseResult, checkStartup: false);
            var catalog = provider.GetRequiredService<PluginCatalog>();
            var output = services.Output;
            output.WriteLine($"Plugins folder: {catalog.Directory}");
            foreach (var plugin in catalog.Plugins)
            {
                output.WriteLine($"  {plugin.Name,-18} {plugin.AssemblyVersion,-10} {plugin.AssemblyPath}");
            }

            foreach (var failure in catalog.Failures)
            {
                output.WriteLine($"  {failure.Name,-18} NOT LOADED: {failure.Error}");
            }

            var configuration = provider.GetRequiredService<IConfiguration>();
            try
            {
                var steps = HostStartup.Check(provider, tolerateLoadFailures: true);
                output.WriteLine("Pipeline order:");
                for (var i = 0; i < steps.Count; i++)
                {
                    var settings = PluginSettings.For(configuration, steps[i].Name);
                    var needs = steps[i].Needs.Count == 0 ? "" : " needs " + string.Join(", ", steps[i].Needs);
                    output.WriteLine($"  {i + 1}. {steps[i].Name} {steps[i].Version}{needs} (timeout {settings.TimeoutSeconds} s, {settings.Isolation})");
                }
            }
            catch (StartupException ex)
            {
                // Listing what is wrong is this command's job: it says so and goes on.
                output.WriteLine(ex.Message);
                return 1;
            }

            return catalog.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
