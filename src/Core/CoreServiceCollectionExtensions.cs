using CaseIngest.Core.Conversion;
using CaseIngest.Core.Memory;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Pipeline.Isolation;
using CaseIngest.Core.Plugins;
using CaseIngest.Core.Storage;
using CaseIngest.Documents.Docx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseIngest.Core;

/// <summary>Registers the core: plugins, pipeline, package reading, package store.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Loads the plugins from <c>Plugins:Path</c> and registers the pipeline and its parts.</summary>
    public static IServiceCollection AddCaseIngestCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PackageLimits>().BindConfiguration(PackageLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<ConversionOptions>().BindConfiguration(ConversionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<NativeHeapOptions>().BindConfiguration(NativeHeapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<NativeHeap>();

        services.AddSingleton<PackageReader>();
        services.AddSingleton<LibreOfficeConverter>();
        services.AddSingleton<ConversionCache>();
        services.AddSingleton<DocumentConversion>();
        // One cache of parsed .docx for the host and the plugins: a package's documents are read once, for their role.
        services.TryAddSingleton<DocxDocumentCache>();
        services.AddSingleton<FileRoleDetector>();
        services.TryAddSingleton<IPackageStore, DirectoryPackageStore>();
        services.AddCaseIngestPageImages();
        services.AddSingleton<StepOrder>();
        services.AddSingleton<InProcessStepExecutor>();
        services.AddSingleton<ChildProcessStepExecutor>();
        services.TryAddSingleton<SeverityTable>();
        services.AddSingleton<PluginSettingsCatalog>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<WorkFolders>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordEnricher, MissingDocumentCheck>());
        services.AddSingleton<SubmissionProcessor>();
        services.AddSingleton<ISubmissionProcessor>(sp => sp.GetRequiredService<SubmissionProcessor>());
        services.AddSingleton<ISubmissionRechecker>(sp => sp.GetRequiredService<SubmissionProcessor>());

        var catalog = PluginDirectoryLoader.Load(services, configuration);
        services.AddSingleton(catalog);
        return services;
    }
}
