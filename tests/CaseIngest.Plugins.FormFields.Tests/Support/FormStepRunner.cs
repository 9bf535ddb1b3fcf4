using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>Composes the plugin the way the host does (registrar + section Plugins:FormFields) and runs its step.</summary>
internal static class FormStepRunner
{
    public static ISubmissionStep CreateStep(IDictionary<string, string?>? settings = null) =>
        CreateServices(settings).CreateScope().ServiceProvider.GetServices<ISubmissionStep>().Single();

    public static ServiceProvider CreateServices(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        new FormFieldsRegistrar().Register(services, configuration.GetSection(FormFieldsOptions.SectionName));
        return services.BuildServiceProvider();
    }

    public static async Task<CaseRecord> RunAsync(IReadOnlyList<PackageFile> files, IDictionary<string, string?>? settings = null)
    {
        var record = new CaseRecord { SubmissionId = "T" };
        var context = new SubmissionContext(record, files, "edition-8", NullLogger.Instance);
        var step = CreateStep(settings);
        if (step.CanRun(context))
        {
            await step.RunAsync(context, CancellationToken.None);
        }

        return record;
    }

    /// <summary>A package of one file with the given role.</summary>
    public static Task<CaseRecord> RunOnFileAsync(string path, FileRole role = FileRole.Form, string? name = null) =>
        RunAsync([FileOf(path, role, name)]);

    public static PackageFile FileOf(string path, FileRole role, string? name = null) =>
        new(name ?? Path.GetFileName(path), path, role, "", new FileInfo(path).Length);

    public static IEnumerable<Finding> Codes(this CaseRecord record, string code) => record.Findings.Where(f => f.Code == code);
}
