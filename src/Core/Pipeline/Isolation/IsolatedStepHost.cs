using System.Text.Json;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Core.Pipeline.Isolation;

/// <summary>The child side of <see cref="ChildProcessStepExecutor"/>: loads the one plugin, runs its step on the
/// record, writes the record back. Exit code 0 on success; the parent turns anything else into plugin_failed.</summary>
public static class IsolatedStepHost
{
    public static async Task<int> RunAsync(string requestPath, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var request = JsonSerializer.Deserialize<IsolatedStepRequest>(await File.ReadAllTextAsync(requestPath, cancellationToken), CaseRecordJson.Options)
                      ?? throw new InvalidOperationException($"{requestPath} holds no request.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(request.Configuration).Build();
        // The parent started (HostStartup) before it ran this child: the one plugin is loaded, nothing checked again.
        await using var provider = HostStartup.Build(services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(logging => logging.AddSimpleConsole().Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            PluginDirectoryLoader.Load(services, configuration, name => string.Equals(name, request.Plugin, StringComparison.Ordinal));
        }, check: false);
        await using var scope = provider.CreateAsyncScope();
        var registration = provider.GetServices<PluginStep>().FirstOrDefault(s => s.Name == request.Plugin);
        if (registration is null)
        {
            await error.WriteLineAsync($"The plugin {request.Plugin} has no step (not found under {configuration["Plugins:Path"]}).");
            return 2;
        }

        var record = CaseRecordJson.Deserialize(await File.ReadAllTextAsync(request.RecordPath, cancellationToken));
        var files = request.Files.Select(f => new PackageFile(f.Name, f.Path, f.Role, f.Sha256, f.Bytes)
        {
            ConvertedFrom = f.ConvertedFrom, ConversionProblem = f.ConversionProblem, Pages = f.Pages,
        }).ToList();
        var step = registration.Resolve(scope.ServiceProvider);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(registration.Name);
        var context = new SubmissionContext(record, files, request.RuleSet, logger);
        try
        {
            await step.RunAsync(context, cancellationToken);
        }
        // The child reports any failure of the step to its parent through exit code and stderr
        catch (Exception ex)
        {
            await error.WriteLineAsync($"{ex.GetType().Name}: {ex.Message}");
            return 3;
        }

        await File.WriteAllTextAsync(request.OutputPath, CaseRecordJson.Serialize(context.Record), cancellationToken);
        return 0;
    }
}
