namespace CaseIngest.Documents.Docx;

/// <summary>
/// A few values kept by the SHA-256 of the bytes they were made from, the most recently used first: the caches of
/// read documents and of their template parts are the same bounded list under one lock. Thread-safe.
/// </summary>
internal sealed class RecentByContent<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(byte[] Hash, T Value)> _entries = new();
    private readonly int _capacity;

    public RecentByContent(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>The most recent value kept for this hash that <paramref name="accepts"/>, moved to the front.</summary>
    public T? Find(ReadOnlySpan<byte> hash, Func<T, bool>? accepts = null)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Hash.AsSpan().SequenceEqual(hash) && (accepts is null || accepts(node.Value.Value)))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Lets go of every value kept for this hash.</summary>
    public void Remove(ReadOnlySpan<byte> hash)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Hash.AsSpan().SequenceEqual(hash))
                {
                    _entries.Remove(node);
                }

                node = next;
            }
        }
    }

    /// <summary>Keeps the value at the front, letting the least recently used go past the capacity.</summary>
    public void Add(byte[] hash, T value)
    {
        lock (_gate)
        {
            _entries.AddFirst((hash, value));
            while (_entries.Count > _capacity)
            {
                _entries.RemoveLast();
            }
        }
    }
}
