using Microsoft.Extensions.Logging;

namespace CaseIngest.Messaging.Logging;

/// <summary>The messaging parts' log messages, generated (no work when the level is off).</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(1, LogLevel.Information, "Consuming {Queue} with prefetch {Prefetch} and concurrency {Concurrency}, the machine's package lanes {PackageLanes} in {PackageLanesFolder}")]
    public static partial void Consuming(this ILogger logger, string queue, int prefetch, int concurrency, int? packageLanes, string? packageLanesFolder);

    [LoggerMessage(2, LogLevel.Warning, "Handing message {MessageId} back to the queue: the worker is stopping")]
    public static partial void HandingBack(this ILogger logger, string? messageId);

    [LoggerMessage(3, LogLevel.Warning, "Could not move message {MessageId} to the retry or dead-letter queue; it stays in the queue")]
    public static partial void CouldNotMove(this ILogger logger, Exception exception, string? messageId);

    [LoggerMessage(4, LogLevel.Warning, "Message {MessageId} will be retried as attempt {Attempt} of {MaxAttempts} after {Delay}: {Error}")]
    public static partial void WillRetry(this ILogger logger, string? messageId, int attempt, int maxAttempts, TimeSpan delay, string error);

    [LoggerMessage(5, LogLevel.Error, "Message {MessageId} dead-lettered to {Queue}: {Reason}")]
    public static partial void DeadLettered(this ILogger logger, string? messageId, string queue, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Could not settle message {MessageId}: {Error}; the broker redelivers it")]
    public static partial void CouldNotSettle(this ILogger logger, string? messageId, string error);

    [LoggerMessage(7, LogLevel.Warning, "Could not cancel the consumer: {Error}")]
    public static partial void CouldNotCancel(this ILogger logger, string error);

    [LoggerMessage(8, LogLevel.Information, "Waiting up to {Deadline} for {Count} in-flight messages")]
    public static partial void WaitingForInFlight(this ILogger logger, TimeSpan deadline, int count);

    [LoggerMessage(9, LogLevel.Warning, "Shutdown deadline reached; handing {Count} in-flight messages back to the queue")]
    public static partial void DeadlineReached(this ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Warning, "Lost the broker ({Reason}); reconnecting in {Delay}")]
    public static partial void LostBroker(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(11, LogLevel.Warning, "Cannot reach the broker at {Broker}: {Error}; retrying in {Delay}")]
    public static partial void CannotReachBroker(this ILogger logger, string broker, string error, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Critical, "The worker loop ended unexpectedly")]
    public static partial void LoopEnded(this ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Information, "Processing submission {SubmissionId} from {Package} (delivery {DeliveryCount})")]
    public static partial void Processing(this ILogger logger, string submissionId, string package, long deliveryCount);

    [LoggerMessage(14, LogLevel.Information, "Indexed submission {SubmissionId}: {Verdict}, {SaveOutcome}")]
    public static partial void Indexed(this ILogger logger, string submissionId, string verdict, string saveOutcome);

    [LoggerMessage(15, LogLevel.Warning, "Submission {SubmissionId} failed: {Error}")]
    public static partial void SubmissionFailed(this ILogger logger, Exception exception, string submissionId, string error);

    [LoggerMessage(16, LogLevel.Debug, "Queued {SubmissionId} as {MessageId}")]
    public static partial void Queued(this ILogger logger, string submissionId, string messageId);

    [LoggerMessage(17, LogLevel.Warning, "Could not queue {Package}: {Error}")]
    public static partial void CouldNotQueue(this ILogger logger, string package, string error);

    [LoggerMessage(18, LogLevel.Error, "The edition check of editions {Editions} failed; the next batch checks them again")]
    public static partial void EditionCheckFailed(this ILogger logger, Exception exception, string editions);

    [LoggerMessage(19, LogLevel.Information, "Stopping with editions {Editions} not yet checked; the next batch or edition-check checks them")]
    public static partial void EditionCheckLeft(this ILogger logger, string editions);

    [LoggerMessage(20, LogLevel.Information, "Warmed up {WarmUp} in {ElapsedMs} ms")]
    public static partial void WarmedUp(this ILogger logger, string warmUp, double elapsedMs);

    [LoggerMessage(21, LogLevel.Warning, "Could not warm up {WarmUp}: {Error}; consuming all the same, the packages that need it will say why")]
    public static partial void WarmUpFailed(this ILogger logger, Exception exception, string warmUp, string error);

    [LoggerMessage(22, LogLevel.Information, "Worker processes on this machine changed: prefetch {Before} → {After}, this worker's share of the package lanes")]
    public static partial void PrefetchFollowsWorkers(this ILogger logger, int before, int after);
}
