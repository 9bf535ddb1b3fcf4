using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>The real RubricCoverage plugin, composed as the host composes it, run over a fixture record's report, so
/// that the pages show the coverage the pipeline would have written.</summary>
internal static class RubricCoverageRun
{
    private static readonly ServiceProvider s_services = PluginSteps.Compose(new RubricCoverageRegistrar(), "Plugins:RubricCoverage");

    public static void Apply(CaseRecord record)
    {
        using var scope = s_services.CreateScope();
        var files = record.Files.Where(f => f.Role == FileRole.Report)
            .Select(f => new PackageFile(f.Name, "/nonexistent/" + f.Name, f.Role, f.Sha256, f.Bytes)).ToList();
        // The step does its work synchronously (no I/O: it reads record.report); the task it returns is already complete.
        PluginSteps.Step(scope.ServiceProvider).RunAsync(PluginSteps.Context(record, files), CancellationToken.None).GetAwaiter().GetResult();
    }
}
