using System.Security.Cryptography;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// The .docx documents read lately, by content: a package's form and report are read for their role, then by the
/// form-fields and the structure checks, and parsing a Word package (its styles, numbering and body) is the largest
/// non-OCR cost of a package. Each reader hands its bytes; the same bytes read once give the same
/// <see cref="DocxDocument"/> (immutable, so the readers can share it). A small, bounded set: a worker's lanes hold
/// two documents each while they work, and an evicted document is only read again.
/// </summary>
public sealed class DocxDocumentCache
{
    /// <summary>Documents kept: two per package for four packages in work at once.</summary>
    public const int DefaultCapacity = 8;

    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _entries = new();
    private readonly int _capacity;

    public DocxDocumentCache()
        : this(DefaultCapacity)
    {
    }

    public DocxDocumentCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>The document these bytes hold, read by <see cref="DocxReader"/> unless the same bytes were read lately
    /// under the same or a stricter part limit. A failed read is not kept: the next reader meets the same exception.</summary>
    /// <exception cref="DocxDefectException">And the SDK's and .NET's exceptions for a damaged package, as
    /// <see cref="DocxReader.Read"/>.</exception>
    public DocxDocument Read(byte[] bytes, DocxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var limit = (options ?? new DocxReadOptions()).MaxCharactersInPart;
        var hash = SHA256.HashData(bytes);
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Hash.AsSpan().SequenceEqual(hash) && Covers(node.Value.Limit, limit))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Document;
                }
            }
        }

        var document = DocxReader.Read(new MemoryStream(bytes, writable: false), options);
        lock (_gate)
        {
            _entries.AddFirst(new Entry(hash, limit, document));
            while (_entries.Count > _capacity)
            {
                _entries.RemoveLast();
            }
        }

        return document;
    }

    // A document read under a part limit (0: none) answers a request whose limit is no stricter: it fitted that limit,
    // so it fits a looser one; a request with a stricter limit reads again and is refused as it would have been.
    private static bool Covers(long readUnder, long requested) =>
        requested == 0 || (readUnder != 0 && readUnder <= requested);

    private sealed record Entry(byte[] Hash, long Limit, DocxDocument Document);
}
