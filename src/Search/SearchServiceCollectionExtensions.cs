using CaseIngest.Core.Pipeline;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Elasticsearch.People;
using CaseIngest.Search.Embedded;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.History;
using CaseIngest.Search.Ingestion;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Repository;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search;

/// <summary>Registers the search backend chosen by <c>Search:Provider</c> and the repository above it.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISearchIndex"/>, <see cref="ISearchIndexMaintenance"/>, <see cref="ISimilarTextSearch"/>
    /// (one singleton backend behind all three), <see cref="ICaseRepository"/> and the <c>possible_duplicate</c>
    /// <see cref="IRecordEnricher"/>, from the <c>Search</c> section.</summary>
    public static IServiceCollection AddCaseIngestSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var provider = configuration[$"{SearchOptions.SectionName}:{nameof(SearchOptions.Provider)}"];
        if (string.Equals(provider, SearchProviders.Elasticsearch, StringComparison.OrdinalIgnoreCase))
        {
            // One client for the process, as Elastic advises: it pools connections and tracks the nodes' health.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, ElasticsearchOptionsValidator>());
            services.TryAddSingleton<ElasticsearchConnection>();
            services.TryAddSingleton<ElasticsearchSearchIndex>();
            AddBackend<ElasticsearchSearchIndex>(services);

            // People's data shared by every machine: the audit trail, earlier versions and the experts' evaluation in indices of their own.
            services.TryAddSingleton<IAuditStore, ElasticsearchAuditStore>();
            services.TryAddSingleton<IRecordHistory, ElasticsearchRecordHistory>();
            services.TryAddSingleton<IEvaluationStore, ElasticsearchEvaluationStore>();
        }
        else
        {
            // Singleton: it owns the single IndexWriter Lucene allows per directory.
            services.TryAddSingleton<LuceneSearchIndex>();
            AddBackend<LuceneSearchIndex>(services);
        }

        // The audit trail and the earlier versions' records: the embedded SQLite file beside the index. An Elasticsearch
        // implementation registered before this call wins (TryAdd).
        services.AddOptions<ReviewDatabaseOptions>().Bind(configuration.GetSection(ReviewDatabaseOptions.SectionName));
        services.TryAddSingleton<ReviewDatabase>();
        services.TryAddSingleton<IAuditStore, SqliteAuditStore>();
        services.TryAddSingleton<IRecordHistory, SqliteRecordHistory>();
        services.TryAddSingleton<ICaseRepository, CaseRepository>();
        services.TryAddSingleton<IEvaluationStore, RepositoryEvaluationStore>();
        services.TryAddSingleton<PackageIngestion>();
        services.AddOptions<DuplicateDetectionOptions>()
            .Bind(configuration.GetSection(DuplicateDetectionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<DuplicateDetector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordEnricher, DuplicateDetector>(sp => sp.GetRequiredService<DuplicateDetector>()));
        return services;
    }

    private static void AddBackend<TBackend>(IServiceCollection services)
        where TBackend : class, ISearchIndex, ISearchIndexMaintenance, ISimilarTextSearch
    {
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<TBackend>());
        services.TryAddSingleton<ISearchIndexMaintenance>(sp => sp.GetRequiredService<TBackend>());
        services.TryAddSingleton<ISimilarTextSearch>(sp => sp.GetRequiredService<TBackend>());
    }
}
