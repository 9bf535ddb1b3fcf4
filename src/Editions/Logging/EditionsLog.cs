using Microsoft.Extensions.Logging;

namespace CaseIngest.Editions.Logging;

/// <summary>The edition stage's log messages (source-generated).</summary>
internal static partial class EditionsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Edition {Edition} has no facts configured (Editions:<n>); its edition rules do not run")]
    public static partial void NotConfigured(this ILogger logger, int edition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edition {Edition} checked ({Scope}): {Read} outlines read, {Cases} cases judged, {Written} records rewritten, {Passes} passes, {ElapsedMs} ms")]
    public static partial void Checked(this ILogger logger, int edition, string scope, int read, int cases, int written, int passes, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edition {Edition}: records kept changing over {Passes} passes; the next check settles them")]
    public static partial void KeptChanging(this ILogger logger, int edition, int passes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edition rule {Rule} wrote {Code} onto {SubmissionId}, which is not of edition {Edition}; ignored")]
    public static partial void OutsideEdition(this ILogger logger, string rule, string code, string submissionId, int edition);
}
