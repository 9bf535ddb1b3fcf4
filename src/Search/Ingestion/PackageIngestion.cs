using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Pipeline.Timing;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Search.Ingestion;

/// <summary>Ingests one package: the pipeline makes its record, the repository saves it durably in the index. The one
/// way in for <c>caseingest ingest</c>, the worker's message handler and the tests.</summary>
public sealed class PackageIngestion(ISubmissionProcessor processor, ICaseRepository repository, IEnumerable<IIngestionObserver> observers,
    TimeProvider time, ILogger<PackageIngestion> logger)
{
    private readonly IReadOnlyList<IIngestionObserver> _observers = [.. observers];

    /// <param name="packagePath">A package folder or .zip.</param>
    /// <param name="metadata">What the message or manifest says of the submission (its id is the index's key).</param>
    /// <param name="cancellationToken">Stops the work; nothing is saved then.</param>
    public async Task<IngestedPackage> IngestAsync(string packagePath, SubmissionMetadata? metadata, CancellationToken cancellationToken)
    {
        var timings = new PackageTimings(time);
        var record = await processor.ProcessAsync(packagePath, metadata, timings, cancellationToken);
        SaveOutcome outcome;
        using (timings.Measure(PackageStages.Index))
        {
            outcome = await repository.SaveAsync(record, cancellationToken);
        }

        logger.PackageTimed(record.SubmissionId, outcome, timings);
        var ingested = new IngestedPackage(record, outcome);
        foreach (var observer in _observers)
        {
            observer.Saved(ingested);
        }

        return ingested;
    }
}

/// <summary>A package's record as saved, and whether the save added or replaced the case.</summary>
public sealed record IngestedPackage(CaseRecord Record, SaveOutcome Outcome);

/// <summary>Told of each package <see cref="PackageIngestion"/> saved, right after the save: how the work that follows a
/// batch (the edition stage) learns what changed, whoever ingested it (<c>ingest</c>, a worker, a test). Must be quick and
/// must not throw: the package is saved already.</summary>
public interface IIngestionObserver
{
    void Saved(IngestedPackage package);
}
