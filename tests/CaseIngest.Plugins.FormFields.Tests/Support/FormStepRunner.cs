using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>Composes the plugin the way the host does (registrar + section Plugins:FormFields) and runs its step.</summary>
internal static class FormStepRunner
{
    public static ISubmissionStep CreateStep(IDictionary<string, string?>? settings = null) =>
        PluginSteps.Step(CreateServices(settings).CreateScope().ServiceProvider);

    /// <param name="settings">Configuration keys from the root (<c>Plugins:FormFields:…</c>).</param>
    public static ServiceProvider CreateServices(IDictionary<string, string?>? settings = null) =>
        PluginSteps.Compose(new FormFieldsRegistrar(), FormFieldsOptions.SectionName, settings);

    public static async Task<CaseRecord> RunAsync(IReadOnlyList<PackageFile> files, IDictionary<string, string?>? settings = null)
    {
        var record = new CaseRecord { SubmissionId = "T" };
        var context = PluginSteps.Context(record, files);
        var step = CreateStep(settings);
        if (step.CanRun(context))
        {
            await step.RunAsync(context, CancellationToken.None);
        }

        return record;
    }

    /// <summary>A package of one file with the given role.</summary>
    public static Task<CaseRecord> RunOnFileAsync(string path, FileRole role = FileRole.Form, string? name = null) =>
        RunAsync([TestPackageFiles.Of(path, role, name)]);

    public static IEnumerable<Finding> Codes(this CaseRecord record, string code) => record.Findings.Where(f => f.Code == code);
}
