using CaseIngest.Core.Pipeline;
using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Logging;
using CaseIngest.Messaging.Packages;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Ingestion;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Messaging.Worker;

/// <summary>One message, start to durable index: read it, find its package, run the pipeline, save the record.
/// Knows nothing of the broker: it says what should happen to the message (<see cref="HandlingResult"/>).
/// Scoped: one per delivery.</summary>
public sealed class SubmissionHandler(
    PackageIngestion ingestion,
    PackageLocator locator,
    ILogger<SubmissionHandler> logger)
{
    /// <param name="deliveryCount">1 for a first delivery, more when the broker redelivers (for the log).</param>
    /// <exception cref="OperationCanceledException">The worker is stopping: hand the message back.</exception>
    public async Task<HandlingResult> HandleAsync(ReadOnlyMemory<byte> body, string? contentType, long deliveryCount,
        CancellationToken cancellationToken)
    {
        var read = SubmissionMessageReader.Read(body.Span, contentType);
        if (read.Message is not { } message)
        {
            return HandlingResult.DeadLetter(DeadLetterKinds.Malformed, $"malformed message: {read.Error}");
        }

        using var _ = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = message.SubmissionId });
        try
        {
            using var package = await locator.LocateAsync(message.PackageUri, cancellationToken);
            logger.Processing(message.SubmissionId, package.Path, deliveryCount);
            var metadata = new SubmissionMetadata(message.SubmissionId, message.Edition, message.Recommender, message.SubmittedAt);
            // The message's id (the metadata's, which the record takes) is the idempotency key of the index: a
            // redelivery or a duplicate replaces, never adds.
            var (record, outcome) = await ingestion.IngestAsync(package.Path, metadata, cancellationToken);
            var verdict = CaseRecordJson.Name(record.Verdict);
            logger.Indexed(message.SubmissionId, verdict, outcome.ToString());
            return HandlingResult.Done(message.SubmissionId, verdict, outcome);
        }
        catch (PackageRefusedException ex)
        {
            return HandlingResult.DeadLetter(DeadLetterKinds.PackageRefused, $"package refused: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.SubmissionFailed(ex, message.SubmissionId, ex.Message);
            return HandlingResult.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>What should happen to a message.</summary>
public sealed record HandlingResult(HandlingKind Kind, string? SubmissionId, string? Verdict, SaveOutcome? SaveOutcome,
    string? DeadLetterKind, string? Error)
{
    public static HandlingResult Done(string submissionId, string verdict, SaveOutcome outcome) =>
        new(HandlingKind.Done, submissionId, verdict, outcome, null, null);

    public static HandlingResult Retry(string error) => new(HandlingKind.Retry, null, null, null, null, error);

    public static HandlingResult DeadLetter(string kind, string reason) =>
        new(HandlingKind.DeadLetter, null, null, null, kind, reason);
}

public enum HandlingKind
{
    /// <summary>Indexed: acknowledge.</summary>
    Done,
    /// <summary>Failed, maybe transiently: retry later, or dead-letter after the last attempt.</summary>
    Retry,
    /// <summary>Can never succeed: dead-letter now.</summary>
    DeadLetter,
}

/// <summary>The <c>reason</c> tag of the dead-lettered meter and the first word of the reason header.</summary>
public static class DeadLetterKinds
{
    public const string Malformed = "malformed";
    public const string PackageRefused = "package_refused";
    public const string RetriesExhausted = "retries_exhausted";
}
