namespace CaseIngest.Search.Lucene;

/// <summary>A thread of its own, at the upkeep priority, that runs one piece of work each time it is signalled (signals
/// that come while it works make one more run). It is woken and stopped through a kernel event and queues nothing to the
/// thread pool (<see cref="UpkeepPriority"/>): whoever waits for its work takes a lock or a synchronous gate.</summary>
internal sealed class UpkeepThread : IDisposable
{
    private readonly AutoResetEvent _signal = new(false);
    private readonly Action _work;
    private readonly Func<Exception, bool> _failed;
    private readonly Thread _thread;
    // Counts the signals and the runs that covered them, for a caller that waits until the thread has caught up.
    private readonly object _progress = new();
    private long _signals;
    private long _covered;
    private volatile bool _stopping;

    /// <param name="name">The thread's name (Linux shows its first 15 characters).</param>
    /// <param name="work">What each run does.</param>
    /// <param name="failed">Told of an exception a run threw; false for one it does not expect, which ends the process as
    /// on any thread of its own.</param>
    public UpkeepThread(string name, Action work, Func<Exception, bool> failed)
    {
        _work = work;
        _failed = failed;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Asks for a run; cheap, and never waits.</summary>
    public void Signal()
    {
        lock (_progress)
        {
            _signals++;
        }

        _signal.Set();
    }

    /// <summary>Waits until a run that began after every signal so far has ended (its work thrown or not); false when
    /// <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilCaughtUp(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_progress)
        {
            var target = _signals;
            while (_covered < target)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_progress, TimeSpan.FromMilliseconds(left)))
                {
                    return _covered >= target;
                }
            }

            return true;
        }
    }

    /// <summary>Stops the thread after the run under way, if any.</summary>
    public void Dispose()
    {
        _stopping = true;
        _signal.Set();
        _thread.Join();
        _signal.Dispose();
    }

    private void Run()
    {
        UpkeepPriority.LowerCurrentThread();
        while (true)
        {
            _signal.WaitOne();
            if (_stopping)
            {
                return;
            }

            long covering;
            lock (_progress)
            {
                covering = _signals;
            }

            try
            {
                _work();
            }
            catch (Exception e) when (_failed(e))
            {
                // Said by the callback; the next signal runs again.
            }
            finally
            {
                lock (_progress)
                {
                    _covered = covering;
                    // Wakes synchronous waiters only: nothing is queued to the thread pool from this thread.
                    Monitor.PulseAll(_progress);
                }
            }
        }
    }
}
