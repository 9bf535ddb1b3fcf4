using Microsoft.Extensions.Logging;

namespace CaseIngest.Lanes;

/// <summary>
/// One kind of the machine's lanes: <see cref="Count"/> lock files in one folder that every CaseIngest process of this
/// user opens. Work of that kind (an OCR page read, a package worked on) is done while one of them is held
/// (<c>flock</c>), so however many worker processes run, and however much each was told it may do at once, the machine
/// does at most <see cref="Count"/> of it at once — the cores set the pace, not the processes. The kernel drops a
/// process's locks when it exits or dies, so a killed worker never holds a lane.
/// </summary>
public sealed class MachineLanes : IDisposable
{
    private MachineLanes(string folder, int count)
    {
        Folder = folder;
        Count = count;
        Releases = new LaneReleases(folder);
    }

    public string Folder { get; }

    public int Count { get; }

    /// <summary>The lanes in <paramref name="folder"/> (created when missing); null where <c>flock</c> is not ours to
    /// call (not Linux).</summary>
    /// <exception cref="IOException">The folder or a lock file cannot be created or opened; the message names it.</exception>
    public static MachineLanes? Open(string folder, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var lanes = new MachineLanes(folder, count);
        try
        {
            // Every lock file opened once here, so a folder we may not write to fails at start, naming the file.
            lanes.NewHolder(0).Dispose();
            return lanes;
        }
        catch
        {
            lanes.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lanes of one kind as configured: none when not shared; <paramref name="count"/> of them, or one per core when
    /// 0; in <paramref name="folder"/>, or the kind's <see cref="DefaultFolder"/>. A folder we cannot write (another
    /// user's, a read-only temp) costs the sharing, not the work: the process then works as it would alone on the
    /// machine, and says so.
    /// </summary>
    public static MachineLanes? OpenShared(string kind, bool share, int count, string? folder, ILogger logger)
    {
        if (!share)
        {
            return null;
        }

        folder ??= DefaultFolder(kind);
        try
        {
            return Open(folder, count > 0 ? count : Environment.ProcessorCount);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            MachineLanesLog.Unavailable(logger, e, kind, folder);
            return null;
        }
    }

    /// <summary>The default folder of a kind of lanes: one per user in the temporary folder (another user's files are
    /// not ours to open).</summary>
    public static string DefaultFolder(string kind) =>
        Path.Combine(Path.GetTempPath(), $"caseingest-{kind}-lanes-{Environment.UserName}");

    /// <summary>A holder for one of this process's users of the lanes (an engine, a message being handled), trying
    /// <paramref name="preferred"/>'s lane first.</summary>
    public MachineLaneHolder NewHolder(int preferred)
    {
        // The folder again, in case a temp cleaner took it away: a holder that cannot open its files would leave its
        // message unworked.
        Directory.CreateDirectory(Folder);
        return new MachineLaneHolder(this, preferred % Count);
    }

    /// <summary>How long a waiter waits for word of a release before it tries the lanes again anyway: what finds a
    /// lane let go by a process that died.</summary>
    internal TimeSpan FallbackPause { get; set; } = TimeSpan.FromMilliseconds(50);

    internal LaneReleases Releases { get; }

    internal string PathOf(int lane) => Path.Combine(Folder, $"lane-{lane}.lock");

    public void Dispose() => Releases.Dispose();
}

internal static partial class MachineLanesLog
{
    [LoggerMessage(1, LogLevel.Warning, "The machine's {Kind} lanes are unavailable in {Folder}: this process works without waiting for others")]
    public static partial void Unavailable(ILogger logger, Exception exception, string kind, string folder);
}
