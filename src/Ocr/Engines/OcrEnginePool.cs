using System.Collections.Concurrent;

namespace CaseIngest.Ocr.Engines;

/// <summary>
/// A fixed set of engine instances shared by every package of the process: engines are costly to create (models,
/// language data) and each reads one image at a time, so callers borrow one, use it and give it back.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly ConcurrentBag<IOcrEngine> _idle = [];
    private readonly SemaphoreSlim _available;
    private readonly List<IOcrEngine> _all;
    private readonly IDisposable? _shared;

    /// <param name="shared">What the engines share (models), disposed with the pool after them.</param>
    public OcrEnginePool(string engineName, int size, Func<IOcrEngine> create, IDisposable? shared = null)
    {
        _shared = shared;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        EngineName = engineName;
        _all = Enumerable.Range(0, size).Select(_ => create()).ToList();
        foreach (var engine in _all)
        {
            _idle.Add(engine);
        }

        _available = new SemaphoreSlim(size, size);
    }

    public string EngineName { get; }

    public int Size => _all.Count;

    public async Task<T> UseAsync<T>(Func<IOcrEngine, T> work, CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken);
        if (!_idle.TryTake(out var engine))
        {
            _available.Release();
            throw new InvalidOperationException("OCR engine pool is inconsistent: a slot was free but no engine was idle");
        }

        try
        {
            return work(engine);
        }
        finally
        {
            _idle.Add(engine);
            _available.Release();
        }
    }

    public void Dispose()
    {
        foreach (var engine in _all)
        {
            engine.Dispose();
        }

        _shared?.Dispose();
        _available.Dispose();
    }
}
