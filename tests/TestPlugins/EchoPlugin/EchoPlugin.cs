using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.TestPlugins;

public sealed class EchoPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddScoped<ISubmissionStep>(_ => new EchoPluginStep(pluginConfiguration));
        services.AddSingleton<IPluginCommand, EchoArgsCommand>();
    }
}

/// <summary>Writes an info finding listing the roles it saw, and the form section with the number of files.</summary>
internal sealed class EchoPluginStep(IConfiguration configuration) : TestStepBase("EchoPlugin", configuration)
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var roles = string.Join(",", context.Files.Select(f => f.Role.ToString()).Order(StringComparer.Ordinal));
        context.AddFinding("echo", Severity.Info, "echo", evidence: roles);
        context.Record.Form ??= new FormSection();
        context.Record.Form.CaseName = "echo:" + context.Files.Count + ":" + Environment.ProcessId;
        return Task.CompletedTask;
    }
}

/// <summary>A plugin-contributed command: prints its arguments as it received them.</summary>
internal sealed class EchoArgsCommand : IPluginCommand
{
    public string Name => "echo-args";

    public string Description => "Prints its arguments (test plugin)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("echo-args:" + string.Join("|", args));
        return 7;
    }
}
