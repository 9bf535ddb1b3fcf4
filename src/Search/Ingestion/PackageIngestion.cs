using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;

namespace CaseIngest.Search.Ingestion;

/// <summary>Ingests one package: the pipeline makes its record, the repository saves it durably in the index. The one
/// way in for <c>caseingest ingest</c>, the worker's message handler and the tests.</summary>
public sealed class PackageIngestion(ISubmissionProcessor processor, ICaseRepository repository)
{
    /// <param name="packagePath">A package folder or .zip.</param>
    /// <param name="metadata">What the message or manifest says of the submission (its id is the index's key).</param>
    /// <param name="cancellationToken">Stops the work; nothing is saved then.</param>
    public async Task<IngestedPackage> IngestAsync(string packagePath, SubmissionMetadata? metadata, CancellationToken cancellationToken)
    {
        var record = await processor.ProcessAsync(packagePath, metadata, cancellationToken);
        var outcome = await repository.SaveAsync(record, cancellationToken);
        return new IngestedPackage(record, outcome);
    }
}

/// <summary>A package's record as saved, and whether the save added or replaced the case.</summary>
public sealed record IngestedPackage(CaseRecord Record, SaveOutcome Outcome);
