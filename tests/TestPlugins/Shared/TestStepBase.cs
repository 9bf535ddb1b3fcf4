using CaseIngest.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;

namespace CaseIngest.TestPlugins;

/// <summary>What every test step shares: a name, a version, and <c>Needs</c> read from <c>Plugins:&lt;Name&gt;:Needs</c>
/// so tests can shape the dependency graph (orders, cycles, missing plugins) from configuration.</summary>
internal abstract class TestStepBase : ISubmissionStep
{
    protected TestStepBase(string name, IConfiguration configuration)
    {
        Name = name;
        var needs = configuration.GetSection("Needs");
        Needs = needs.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : needs.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray();
    }

    public string Name { get; }

    public string Version => "1.2.3";

    public IReadOnlyList<string> Needs { get; }

    public virtual bool CanRun(SubmissionContext context) => true;

    public abstract Task RunAsync(SubmissionContext context, CancellationToken cancellationToken);
}
