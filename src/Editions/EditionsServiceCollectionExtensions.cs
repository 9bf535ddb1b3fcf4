using CaseIngest.Abstractions.Editions;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Rules;
using CaseIngest.Editions.Stage;
using CaseIngest.Search.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Editions;

/// <summary>Registers the edition facts (<c>Editions:&lt;n&gt;</c>), the built-in edition rules and the edition stage.
/// Plugins add rules with <c>services.AddSingleton&lt;IEditionRule, TheirRule&gt;()</c> in their registrar.</summary>
public static class EditionsServiceCollectionExtensions
{
    public static IServiceCollection AddCaseIngestEditions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(EditionCatalog)))
        {
            return services; // the host and the worker both add it
        }

        services.AddOptions<EditionsOptions>()
            .Configure(options =>
            {
                foreach (var section in configuration.GetSection(EditionsOptions.SectionName).GetChildren())
                {
                    if (!int.TryParse(section.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        throw new OptionsValidationException(EditionsOptions.SectionName, typeof(EditionsOptions),
                            [$"Editions:{section.Key}: an edition is a number (Editions:8:ClosingTime)."]);
                    }

                    var settings = new EditionSettings();
                    section.Bind(settings);
                    options.Editions[number] = settings;
                }

                // The shipped edition's facts apply where its section says nothing.
                var shipped = options.Editions.TryGetValue(EditionsOptions.ShippedEdition, out var configured) ? configured : new EditionSettings();
                shipped.ClosingTime ??= EditionsOptions.ShippedClosingTime;
                options.Editions[EditionsOptions.ShippedEdition] = shipped;
            })
            .Validate(options => options.Editions.Values.All(e => e.DefaultQuota >= 1 && e.MemberQuota >= 1), "Editions:<n>: quotas are at least 1.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EditionsOptions>, EditionsOptionsValidator>());
        services.TryAddSingleton<EditionCatalog>();

        // The built-in rules, in the order their findings are listed on a record.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRule, DeadlineRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRule, RecommenderRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRule, QuotaRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRule, DuplicatePairRule>());
        // The pipeline's severity table (the core registers it too; a host of the edition rules alone has it here).
        services.TryAddSingleton<SeverityTable>();
        services.TryAddSingleton<EditionStage>();
        services.TryAddSingleton<ChangedEditions>();
        services.AddSingleton<IIngestionObserver>(provider => provider.GetRequiredService<ChangedEditions>());
        return services;
    }
}
