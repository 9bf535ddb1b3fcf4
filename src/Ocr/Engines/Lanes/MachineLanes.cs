namespace CaseIngest.Ocr.Engines.Lanes;

/// <summary>
/// The machine's OCR lanes: <see cref="Count"/> lock files in one folder that every CaseIngest process of this user
/// opens. A page is read while one of them is held (<c>flock</c>), so however many worker processes run, and however
/// many lanes each was given, the machine reads at most <see cref="Count"/> pages at once — the cores set the pace, not
/// the processes. The kernel drops a process's locks when it exits or dies, so a killed worker never holds a lane.
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

    /// <summary>The default folder: one per user in the temporary folder (another user's files are not ours to open).</summary>
    public static string DefaultFolder() =>
        Path.Combine(Path.GetTempPath(), "caseingest-ocr-lanes-" + Environment.UserName);

    /// <summary>A holder for one of this process's engines, trying <paramref name="preferred"/>'s lane first.</summary>
    public MachineLaneHolder NewHolder(int preferred) => new(this, preferred % Count);

    /// <summary>How long a waiting engine waits for word of a release before it tries the lanes again anyway: what finds a
    /// lane let go by a process that died.</summary>
    internal TimeSpan FallbackPause { get; set; } = TimeSpan.FromMilliseconds(50);

    internal LaneReleases Releases { get; }

    internal string PathOf(int lane) => Path.Combine(Folder, $"lane-{lane}.lock");

    public void Dispose() => Releases.Dispose();
}
