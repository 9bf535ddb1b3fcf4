namespace CaseIngest.Lanes;

/// <summary>
/// One waiter's way onto the machine's lanes (an OCR engine's, a message's): its own descriptor of every lock file (a
/// <c>flock</c> belongs to the open file description, so two waiters of one process sharing descriptors would never
/// exclude each other).
/// </summary>
/// <remarks>Used by one waiter at a time (the OCR pool lends an engine with its holder; a message has its own), so it
/// keeps no lock of its own.</remarks>
public sealed class MachineLaneHolder : IDisposable
{
    private readonly MachineLanes _lanes;
    private readonly int[] _descriptors;
    private readonly int _preferred;

    internal MachineLaneHolder(MachineLanes lanes, int preferred)
    {
        _lanes = lanes;
        _preferred = preferred;
        _descriptors = new int[lanes.Count];
        Array.Fill(_descriptors, -1);
        try
        {
            for (var lane = 0; lane < lanes.Count; lane++)
            {
                _descriptors[lane] = FileLockNative.OpenLockFile(lanes.PathOf(lane));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Takes a free lane if there is one (the preferred first), else none.</summary>
    public MachineLane? TryEnter()
    {
        for (var i = 0; i < _descriptors.Length; i++)
        {
            var lane = (_preferred + i) % _descriptors.Length;
            if (FileLockNative.TryLock(_descriptors[lane], _lanes.PathOf(lane)))
            {
                return new MachineLane(this, lane);
            }
        }

        return null;
    }

    /// <summary>
    /// Takes a free lane, else waits for whichever lane is let go first. A <c>flock</c> waits on one file, and a wait on
    /// the preferred lane left another lane idle when that one freed first (two processes' waiters prefer the same lane),
    /// so the waiter waits for word of any release (<see cref="LaneReleases"/>) and tries every lane again then — or
    /// after <see cref="MachineLanes.FallbackPause"/>, for a lane let go by a process that died.
    /// </summary>
    public async ValueTask<MachineLane> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var released = _lanes.Releases.Next;
            if (TryEnter() is { } free)
            {
                return free;
            }

            await Task.WhenAny(released, Task.Delay(_lanes.FallbackPause, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    internal void Exit(int lane)
    {
        FileLockNative.Release(_descriptors[lane]);
        _lanes.Releases.Announce();
    }

    public void Dispose()
    {
        for (var lane = 0; lane < _descriptors.Length; lane++)
        {
            if (_descriptors[lane] >= 0)
            {
                FileLockNative.Close(_descriptors[lane]);
                _descriptors[lane] = -1;
            }
        }
    }
}
