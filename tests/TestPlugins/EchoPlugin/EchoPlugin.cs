using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.TestPlugins;

public sealed class EchoPluginRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        // An option with a rule, so tests can give a plugin invalid options: Plugins:EchoPlugin:Label, at most 20 characters.
        services.AddOptions<EchoOptions>()
            .Configure(o =>
            {
                o.Label = pluginConfiguration["Label"] ?? o.Label;
                o.Code = pluginConfiguration["Code"] ?? o.Code;
                o.Severity = Enum.Parse<Severity>(pluginConfiguration["Severity"] ?? nameof(Severity.Info), ignoreCase: true);
            })
            .Validate(o => o.Label.Length <= 20, "Plugins:EchoPlugin:Label must be at most 20 characters.")
            .ValidateOnStart();
        services.AddTestStep<EchoPluginStep>(pluginConfiguration);
        services.AddSingleton<IPluginCommand, EchoArgsCommand>();
        services.AddSingleton<IWarmUp, EchoWarmUp>();
    }
}

/// <summary>The echo plugin's options.</summary>
internal sealed class EchoOptions
{
    public string Label { get; set; } = "echo";

    /// <summary>The code and severity of its finding (tests give it a catalogue code with a severity of its own).</summary>
    public string Code { get; set; } = "echo";

    public Severity Severity { get; set; } = Severity.Info;
}

/// <summary>Writes an info finding listing the roles it saw, and the form section with the number of files.</summary>
internal sealed class EchoPluginStep(IOptions<EchoOptions> options) : TestStepBase
{
    public override Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var roles = string.Join(",", context.Files.Select(f => f.Role.ToString()).Order(StringComparer.Ordinal));
        // It claims another plugin's name and rule set: whose a finding is, the host says (tests check it overwrites these).
        var finding = context.AddFinding(options.Value.Code, options.Value.Severity, "echo", evidence: roles);
        finding.Plugin = "SomeoneElse";
        finding.RuleSet = "edition-0";
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

/// <summary>A warm-up that loads nothing: the host keeps it for a plugin run in process and drops it for one run in a
/// child process.</summary>
internal sealed class EchoWarmUp : IWarmUp
{
    public string Name => "echo";

    public Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
