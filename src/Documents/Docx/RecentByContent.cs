namespace CaseIngest.Documents.Docx;

/// <summary>
/// A few values kept by a key of the bytes they were made from (their SHA-256, or a zip entry's declaration of them:
/// <see cref="StoredPart"/>), the most recently used first: the caches of read documents and of their template parts
/// are the same bounded list under one lock. Thread-safe.
/// </summary>
internal sealed class RecentByContent<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(byte[] Key, T Value)> _entries = new();
    private readonly int _capacity;

    public RecentByContent(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>The most recent value kept for this key that <paramref name="accepts"/>, moved to the front.</summary>
    public T? Find(ReadOnlySpan<byte> key, Func<T, bool>? accepts = null)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key.AsSpan().SequenceEqual(key) && (accepts is null || accepts(node.Value.Value)))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Lets go of every value kept for this key.</summary>
    public void Remove(ReadOnlySpan<byte> key)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Key.AsSpan().SequenceEqual(key))
                {
                    _entries.Remove(node);
                }

                node = next;
            }
        }
    }

    /// <summary>Keeps the value at the front, letting the least recently used go past the capacity.</summary>
    public void Add(byte[] key, T value)
    {
        lock (_gate)
        {
            _entries.AddFirst((key, value));
            while (_entries.Count > _capacity)
            {
                _entries.RemoveLast();
            }
        }
    }
}
