using System.Security.Cryptography;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// The .docx documents read lately, by content: a package's form and report are read for their role, then by the
/// form-fields and the structure checks, and parsing a Word package (its styles, numbering and body) is the largest
/// non-OCR cost of a package. Each reader hands its bytes; the same bytes read once give the same
/// <see cref="DocxDocument"/> (immutable, so the readers can share it). A small, bounded set: a worker's lanes hold
/// two documents each while they work, and an evicted document is only read again. Within a package
/// (<see cref="KeepUntilPackageEnds"/>) its documents are let go when it ends.
/// </summary>
public sealed class DocxDocumentCache
{
    /// <summary>Documents kept: two per package for four packages in work at once.</summary>
    public const int DefaultCapacity = 8;

    private readonly RecentByContent<Entry> _entries;
    // Word documents made from one template share their styles part byte for byte, and indexing it is a large part
    // of a parse: kept here, beside the documents, so that it lives as long as the reader that uses it.
    private readonly TemplatePartCache _templateParts = new();
    // The package whose work this flow is doing (role detection and the plugins run in it, on whichever threads).
    private readonly AsyncLocal<PackageDocuments?> _package = new();

    public DocxDocumentCache()
        : this(DefaultCapacity)
    {
    }

    public DocxDocumentCache(int capacity)
    {
        _entries = new RecentByContent<Entry>(capacity);
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
        if (_entries.Find(hash, entry => Covers(entry.Limit, limit)) is { } kept)
        {
            _package.Value?.Note(hash);
            return kept.Document;
        }

        var document = DocxReader.Read(new MemoryStream(bytes, writable: false), options, _templateParts);
        _entries.Add(hash, new Entry(limit, document));
        _package.Value?.Note(hash);
        return document;
    }

    /// <summary>The documents read from here on in this flow of work (and the tasks it starts) are one package's: when
    /// the returned scope is disposed they are let go. A parsed document is hundreds of kilobytes of objects; kept in the
    /// list past its package, every young-generation collection that met it copied it to an older generation (such a
    /// collection promoted 6.5 MB on average in warm non-OCR packages, 3.7 MB with the list cut to one package's two
    /// documents). Another package in work with the same bytes reads them again.</summary>
    public IDisposable KeepUntilPackageEnds()
    {
        var package = new PackageDocuments(this, _package.Value);
        _package.Value = package;
        return package;
    }

    // A document read under a part limit (0: none) answers a request whose limit is no stricter: it fitted that limit,
    // so it fits a looser one; a request with a stricter limit reads again and is refused as it would have been.
    private static bool Covers(long readUnder, long requested) =>
        requested == 0 || (readUnder != 0 && readUnder <= requested);

    private sealed record Entry(long Limit, DocxDocument Document);

    private sealed class PackageDocuments(DocxDocumentCache cache, PackageDocuments? outer) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<byte[]> _read = [];

        public void Note(byte[] hash)
        {
            lock (_gate)
            {
                _read.Add(hash);
            }
        }

        public void Dispose()
        {
            byte[][] read;
            lock (_gate)
            {
                read = [.. _read];
                _read.Clear();
            }

            foreach (var hash in read)
            {
                cache._entries.Remove(hash);
            }

            cache._package.Value = outer;
        }
    }
}
