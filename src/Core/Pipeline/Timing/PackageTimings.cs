namespace CaseIngest.Core.Pipeline.Timing;

/// <summary>What each stage of one package took, in milliseconds: the processor and the ingestion around it add their
/// stages, and the ingestion logs them as one line with a field per stage. Timings are figures for the log and the
/// benchmark (<c>scripts/bench.sh --only nonocr</c>), never part of the record: a record must not change because the
/// machine was busy.</summary>
public sealed class PackageTimings(TimeProvider time)
{
    private readonly Dictionary<string, double> _milliseconds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly int _gen2Before = GC.CollectionCount(2);

    /// <summary>How long the runtime paused this process for garbage collection since the package began, in
    /// milliseconds, and how many of its collections were gen 2 (with packages side by side, theirs count too): the part
    /// of a slow package no stage of its own explains.</summary>
    public (double PausedMs, int Gen2Collections) CollectionsSinceStart() =>
        ((GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds, GC.CollectionCount(2) - _gen2Before);

    /// <summary>Starts timing <paramref name="stage"/>; disposing the scope adds its time (a stage run twice adds up).</summary>
    public StageScope Measure(string stage) => new(this, stage, time.GetTimestamp());

    /// <summary>The time of <paramref name="stage"/> so far; 0 when it did not run.</summary>
    public double Of(string stage)
    {
        lock (_gate)
        {
            return _milliseconds.GetValueOrDefault(stage);
        }
    }

    private void Add(string stage, long startedAt)
    {
        var elapsed = time.GetElapsedTime(startedAt).TotalMilliseconds;
        lock (_gate)
        {
            _milliseconds[stage] = _milliseconds.GetValueOrDefault(stage) + elapsed;
        }
    }

    /// <summary>One stage being timed; ends when disposed.</summary>
    public readonly struct StageScope : IDisposable
    {
        private readonly PackageTimings? _timings;
        private readonly string _stage;
        private readonly long _startedAt;

        internal StageScope(PackageTimings timings, string stage, long startedAt)
        {
            _timings = timings;
            _stage = stage;
            _startedAt = startedAt;
        }

        public void Dispose() => _timings?.Add(_stage, _startedAt);
    }
}
