using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Pipeline;

/// <summary>A host-side step that runs after every plugin and before the verdict is derived, for checks that need
/// the host's services rather than the package (e.g. <c>possible_duplicate</c> against the search index).
/// Registered in DI by the host's other parts; an enricher that throws yields <c>plugin_failed</c> like a plugin.</summary>
public interface IRecordEnricher
{
    /// <summary>The name its findings carry as <c>plugin</c>.</summary>
    string Name { get; }

    /// <summary>Adds findings or fields to the record.</summary>
    Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken);
}
