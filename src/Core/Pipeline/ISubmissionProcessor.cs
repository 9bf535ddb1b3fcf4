using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline.Timing;

namespace CaseIngest.Core.Pipeline;

/// <summary>Runs one package through the whole pipeline: read it (folder or zip), store it, decide file roles,
/// run every plugin in order, derive the verdict. Never throws for bad input: a bad package yields a record with
/// <c>package_unreadable</c> / <c>missing_document</c> findings.</summary>
public interface ISubmissionProcessor
{
    /// <param name="packagePath">A folder or a .zip.</param>
    /// <param name="metadata">What the message or the caller knows (overrides the manifest); null to use the manifest.</param>
    /// <param name="cancellationToken">Cancels the run (e.g. shutdown): throws <see cref="OperationCanceledException"/>.</param>
    Task<CaseRecord> ProcessAsync(string packagePath, SubmissionMetadata? metadata, CancellationToken cancellationToken) =>
        ProcessAsync(packagePath, metadata, timings: null, cancellationToken);

    /// <inheritdoc cref="ProcessAsync(string, SubmissionMetadata?, CancellationToken)"/>
    /// <param name="timings">Where each stage's time goes (<see cref="PackageStages"/>); null when nobody asks.</param>
    Task<CaseRecord> ProcessAsync(string packagePath, SubmissionMetadata? metadata, PackageTimings? timings, CancellationToken cancellationToken);
}

/// <summary>What is known of a submission besides its package (a queue message, a manifest).</summary>
public sealed record SubmissionMetadata(string? SubmissionId = null, int? Edition = null, string? Recommender = null,
    DateTimeOffset? SubmittedAt = null);
