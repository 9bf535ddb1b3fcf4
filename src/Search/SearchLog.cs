using CaseIngest.Core.Pipeline.Timing;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Search;

/// <summary>The search project's log messages (source-generated: no boxing when a level is off).</summary>
internal static partial class SearchLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {Count} records: written in {WriteMs} ms, durable {CommitMs} ms later (committed by this save: {Committed})")]
    public static partial void Indexed(this ILogger logger, int count, double writeMs, double commitMs, bool committed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindexed {Count} records into {Version} (was {Previous})")]
    public static partial void Reindexed(this ILogger logger, long count, string version, string? previous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened index {Version} in {Root}")]
    public static partial void OpenedIndex(this ILogger logger, string version, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} of {Incoming} not indexed: the index holds the newer one of {Indexed}")]
    public static partial void SkippedOlder(this ILogger logger, string submissionId, DateTimeOffset incoming, DateTimeOffset indexed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch answered {Status} to {Method} {Path}; retry {Attempt} in {Delay}")]
    public static partial void ElasticsearchRetry(this ILogger logger, int status, string method, string path, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Elasticsearch index {Index} behind alias {Alias}")]
    public static partial void CreatedElasticsearchIndex(this ILogger logger, string index, string alias);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} reads like {Other} (similarity {Similarity:F2})")]
    public static partial void PossibleDuplicate(this ILogger logger, string submissionId, string other, double similarity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} resubmitted: package version {Version}, {Changes} review changes carried by the system")]
    public static partial void NewPackageVersion(this ILogger logger, string submissionId, int version, int changes);

    /// <summary>A package's stages, a field each (the bench's <c>nonocr</c> part reads them). Page images are apart: they
    /// are image work, like OCR, not part of what reading and checking a package costs. The collection pauses come last:
    /// inside the stages, they tell a slow package's own work from the runtime's.</summary>
    public static void PackageTimed(this ILogger logger, string submissionId, SaveOutcome outcome, PackageTimings timings)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var read = Round(timings.Of(PackageStages.Read));
        var store = Round(timings.Of(PackageStages.Store));
        var files = Round(timings.Of(PackageStages.Files));
        var plugins = Round(timings.Of(PackageStages.Plugins));
        var index = Round(timings.Of(PackageStages.Index));
        var cleanup = Round(timings.Of(PackageStages.Cleanup));
        var (gcPaused, gen2) = timings.CollectionsSinceStart();
        var gcPausedMs = Round(gcPaused);
        var pageImages = Round(timings.Of(PackageStages.PageImages));
        var package = Round(read + store + files + plugins + index + cleanup);
        PackageTimed(logger, submissionId, outcome, package, read, store, files, plugins, index, cleanup, pageImages, gcPausedMs, gen2);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Package {SubmissionId} {Outcome} in {PackageMs} ms: read {ReadMs}, store {StoreMs}, " +
        "files {FilesMs}, plugins {PluginsMs}, index {IndexMs}, cleanup {CleanupMs}; page images {PageImagesMs} ms apart; GC paused {GcPausedMs} ms, {Gen2Collections} gen 2")]
    private static partial void PackageTimed(ILogger logger, string submissionId, SaveOutcome outcome, double packageMs, double readMs,
        double storeMs, double filesMs, double pluginsMs, double indexMs, double cleanupMs, double pageImagesMs, double gcPausedMs,
        int gen2Collections);

    private static double Round(double milliseconds) => Math.Round(milliseconds, 2);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index {Root} could not commit in the background (its write journal keeps the saves; the next read or save tries again)")]
    public static partial void BackgroundCommitFailed(this ILogger logger, Exception exception, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index {Root} replayed {Count} journalled writes left by a process that stopped before committing them")]
    public static partial void JournalReplayed(this ILogger logger, int count, string root);
}
