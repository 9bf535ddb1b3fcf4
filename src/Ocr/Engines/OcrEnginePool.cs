using System.Collections.Concurrent;
using CaseIngest.Lanes;

namespace CaseIngest.Ocr.Engines;

/// <summary>
/// A fixed set of engine instances shared by every package of the process: engines are costly to create (models,
/// language data) and each reads one image at a time, so callers borrow one, use it and give it back. With the
/// machine's lanes (<see cref="MachineLanes"/>), an engine also holds one of them while it reads, so the processes of a
/// machine together read no more images at once than it has lanes.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly ConcurrentBag<Lane> _idle = [];
    private readonly SemaphoreSlim _available;
    private readonly List<Lane> _all;
    private readonly IDisposable? _shared;

    /// <param name="shared">What the engines share (models), disposed with the pool after them.</param>
    /// <param name="machineLanes">The machine's lanes, or null to read whenever an engine is free.</param>
    public OcrEnginePool(string engineName, int size, Func<IOcrEngine> create, IDisposable? shared = null, MachineLanes? machineLanes = null)
    {
        _shared = shared;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        EngineName = engineName;
        MachineLanes = machineLanes;
        _all = Enumerable.Range(0, size).Select(i => new Lane(create(), machineLanes?.NewHolder(i))).ToList();
        foreach (var lane in _all)
        {
            _idle.Add(lane);
        }

        _available = new SemaphoreSlim(size, size);
    }

    public string EngineName { get; }

    public int Size => _all.Count;

    /// <summary>The machine's lanes this pool's readings wait for, if any.</summary>
    public MachineLanes? MachineLanes { get; }

    public async Task<T> UseAsync<T>(Func<IOcrEngine, T> work, CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken);
        if (!_idle.TryTake(out var lane))
        {
            _available.Release();
            throw new InvalidOperationException("OCR engine pool is inconsistent: a slot was free but no engine was idle");
        }

        try
        {
            using var machineLane = lane.Machine is { } machine ? await machine.EnterAsync(cancellationToken) : (MachineLane?)null;
            return work(lane.Engine);
        }
        finally
        {
            _idle.Add(lane);
            _available.Release();
        }
    }

    public void Dispose()
    {
        foreach (var lane in _all)
        {
            lane.Engine.Dispose();
            lane.Machine?.Dispose();
        }

        MachineLanes?.Dispose();
        _shared?.Dispose();
        _available.Dispose();
    }

    private sealed record Lane(IOcrEngine Engine, MachineLaneHolder? Machine);
}
