using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseIngest.Plugins.StructureChecks.Tests.Support;

/// <summary>Runs the real StructureChecks step, composed the way the host composes it (registrar + configuration).</summary>
internal sealed class StepHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public StepHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        new StructureChecksRegistrar().Register(services, configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static readonly string[] ReportCodes =
    [
        FindingCodes.TitleTooLong, FindingCodes.TitleHasCompanyName, FindingCodes.TitleHasAbbreviation, FindingCodes.CaseNameMismatch,
        FindingCodes.TooShort, FindingCodes.TooLong, FindingCodes.OverviewTooLong, FindingCodes.ContentTooLong,
        FindingCodes.PerformanceTooLong, FindingCodes.MissingDimension, FindingCodes.NoToc, FindingCodes.FirstPerson,
        FindingCodes.HeadingDepth4, FindingCodes.FormatBody, FindingCodes.FormatHeadings, FindingCodes.FormatPage,
        FindingCodes.FormatRulesSkipped,
    ];

    public async Task<CaseRecord> RunAsync(string reportPath, FormSection? form = null, string ruleSet = "edition-8", string? name = null)
    {
        var record = new CaseRecord { SubmissionId = "T", Form = form, RuleSet = ruleSet };
        var file = new PackageFile(name ?? Path.GetFileName(reportPath), reportPath, FileRole.Report, "", new FileInfo(reportPath).Length);
        var context = new SubmissionContext(record, [file], ruleSet, NullLogger.Instance);
        await using var scope = _services.CreateAsyncScope();
        var step = scope.ServiceProvider.GetServices<ISubmissionStep>().Single();
        Assert.True(step.CanRun(context));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await step.RunAsync(context, timeout.Token);
        return record;
    }

    public void Dispose() => _services.Dispose();
}
