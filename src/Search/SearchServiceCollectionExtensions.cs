using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Repository;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseIngest.Search;

/// <summary>Registers the search backend chosen by <c>Search:Provider</c> and the repository above it.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISearchIndex"/>, <see cref="ISearchIndexMaintenance"/>, <see cref="ISimilarTextSearch"/>
    /// (one singleton backend behind all three) and <see cref="ICaseRepository"/>, from the <c>Search</c> section.</summary>
    public static IServiceCollection AddCaseIngestSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Elasticsearch is registered here once its backend lands; until then every provider is the embedded index.
        // Singleton: it owns the single IndexWriter Lucene allows per directory.
        services.TryAddSingleton<LuceneSearchIndex>();
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.TryAddSingleton<ISearchIndexMaintenance>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.TryAddSingleton<ISimilarTextSearch>(sp => sp.GetRequiredService<LuceneSearchIndex>());

        services.TryAddSingleton<ICaseRepository, CaseRepository>();
        return services;
    }
}
