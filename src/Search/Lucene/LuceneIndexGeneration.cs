using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LockObtainFailedException = Lucene.Net.Store.LockObtainFailedException;
using LuceneDirectory = Lucene.Net.Store.Directory;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace CaseIngest.Search.Lucene;

/// <summary>One versioned index directory with its writer and searchers. Searches lease it; a reindex retires it, and it
/// closes when the last lease ends, so a query that started on the old version finishes on it.</summary>
internal sealed class LuceneIndexGeneration : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LuceneDirectory _directory;
    private readonly string _path;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private IndexWriter? _writer;
    private long _written;
    private long _durable;
    private int _leases;
    private bool _retired;
    private bool _disposed;

    private LuceneIndexGeneration(string name, string path, LuceneDirectory directory, IndexWriter? writer)
    {
        Name = name;
        _path = path;
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    public string Name { get; }

    /// <summary>Opens (creating when empty) the index in <paramref name="path"/>. The writer is opened only when the
    /// first write comes, so a process that only searches never takes the directory's write lock.</summary>
    public static LuceneIndexGeneration Open(string name, string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        IndexWriter? writer = null;
        if (!DirectoryReader.IndexExists(directory))
        {
            writer = NewWriter(directory);
            writer.Commit();
        }

        return new LuceneIndexGeneration(name, path, directory, writer);
    }

    /// <summary>The directory's one writer. Lucene allows a single IndexWriter per directory (it holds write.lock), and
    /// the writer is thread-safe, so every upsert of the process goes through this one instance.</summary>
    public IndexWriter Writer
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                try
                {
                    return _writer ??= NewWriter(_directory);
                }
                catch (LockObtainFailedException e)
                {
                    throw new IOException(
                        $"The index {_path} is open for writing in another process (its write.lock is held): stop that process " +
                        "(e.g. the web app or a worker using the same Search:Lucene:Path) or give this one another --index.", e);
                }
            }
        }
    }

    /// <summary>Counts writes handed to <see cref="Writer"/>; call it after they are handed. Returns the ticket
    /// <see cref="CommitThroughAsync"/> waits for.</summary>
    public long Wrote() => Interlocked.Increment(ref _written);

    /// <summary>Group commit: returns once the writes up to <paramref name="ticket"/> are committed (durable: fsync'd)
    /// and visible to the next search. One caller commits for everyone who wrote before its commit began; those who
    /// wrote while it ran commit together next. A commit costs the same for one record as for ten (its fsyncs), so
    /// records saved at once (a worker's lanes, <c>ingest --parallelism</c>) share it, and none returns before its
    /// record is safe.</summary>
    /// <returns>True when this call made the commit, false when another's covered it.</returns>
    public async Task<bool> CommitThroughAsync(long ticket, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _durable) >= ticket)
        {
            return false;
        }

        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _durable) >= ticket)
            {
                return false;
            }

            CommitAndRefresh();
            return true;
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>Commits every write handed so far (durable: fsync'd) and makes them visible to the next search.</summary>
    public void CommitAndRefresh()
    {
        // Read before the commit: every write counted by now was handed to the writer before it, so the commit holds it.
        var covered = Volatile.Read(ref _written);
        Writer.Commit();
        _searchers.MaybeRefreshBlocking();
        for (var durable = Volatile.Read(ref _durable); durable < covered; durable = Volatile.Read(ref _durable))
        {
            if (Interlocked.CompareExchange(ref _durable, covered, durable) == durable)
            {
                break;
            }
        }
    }

    /// <summary>Picks up commits made by another process (non-blocking; skipped when a refresh is under way).</summary>
    public void RefreshIfChanged() => _searchers.MaybeRefresh();

    public IndexSearcher AcquireSearcher() => _searchers.Acquire();

    public void ReleaseSearcher(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>False once retired: the caller takes the current generation instead.</summary>
    public bool TryLease()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _leases++;
            return true;
        }
    }

    public void EndLease()
    {
        bool close;
        lock (_gate)
        {
            _leases--;
            close = _retired && _leases == 0;
        }

        if (close)
        {
            Dispose();
        }
    }

    /// <summary>No new leases; closes now or when the last lease ends.</summary>
    public void Retire()
    {
        bool close;
        lock (_gate)
        {
            _retired = true;
            close = _leases == 0;
        }

        if (close)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _searchers.Dispose();
        _writer?.Dispose();
        _commitGate.Dispose();
        _directory.Dispose();
    }

    private static IndexWriter NewWriter(LuceneDirectory directory) =>
        new(directory, new IndexWriterConfig(ChineseAnalyzer.Version, ChineseAnalyzer.ForIndexing())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            MergePolicy = FewSegments(),
        });

    /// <summary>A query pays per segment (every term looked up and every scorer set up once in each): over 10,000 cases
    /// 18 segments (Lucene's default tiers) cost ten times the search time of one. Fewer, larger tiers keep the count near
    /// half a dozen, merging in the background; a case is about 45 KB indexed, so the 32 MB floor is some 700 cases.</summary>
    private static TieredMergePolicy FewSegments() => new()
    {
        SegmentsPerTier = 4,
        MaxMergeAtOnce = 4,
        FloorSegmentMB = 32,
    };

    /// <summary>BM25, as Elasticsearch scores: the two backends rank alike.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
