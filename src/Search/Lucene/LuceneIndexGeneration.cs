using System.Collections.Concurrent;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Duplicates;
using Lucene.Net.Documents;
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
    // Bounds what waits for a commit (the journal holds it, and reads of it come from memory until then).
    private const int MaxUncommittedWrites = 256;

    private readonly Lock _gate = new();
    private readonly LuceneDirectory _directory;
    private readonly string _path;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly LuceneWriteJournal _journal;
    private readonly LuceneCommitPolicy _policy;
    // The journal's order is the writer's: a write's lines and its ticket are taken together, so a commit's rotation
    // never separates a write it covers from the journal file it deletes.
    private readonly Lock _journalOrder = new();
    private readonly ConcurrentDictionary<string, UncommittedWrite> _uncommitted = new(StringComparer.Ordinal);
    // What the saves handed over and the writer has not yet been given, in the journal's order: the feed (or a commit,
    // whichever comes first) gives it to the writer (inverting a report's text is most of a save's cost), so a save
    // returns once it is durable (its journal line) and readable (_uncommitted), and a search sees it after the commit.
    private readonly ConcurrentQueue<PendingChange> _pending = new();
    // One hands a change to the writer at a time, so the writer's order stays the journal's. Taken per change: a commit
    // waits for one case's inversion at most, never for the feed's whole queue.
    private readonly Lock _handover = new();
    // Hands the saves to the writer as they come, and makes the background commits, at the upkeep priority (inverting a
    // report's text is most of a save's cost, flushing the segment most of the rest): the packages come first.
    private UpkeepThread? _feed;
    // Set by the commit timer: the feed commits after its next handover, at the upkeep priority too.
    private volatile bool _commitDue;
    private IndexWriter? _writer;
    private ITimer? _commitTimer;
    private long _written;
    private long _durable;
    private int _leases;
    private bool _retired;
    private bool _disposed;

    private LuceneIndexGeneration(string name, string path, LuceneDirectory directory, IndexWriter? writer, LuceneCommitPolicy policy)
    {
        Name = name;
        _path = path;
        _directory = directory;
        _writer = writer;
        _policy = policy;
        _journal = new LuceneWriteJournal(path);
        _searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    public string Name { get; }

    /// <summary>Opens (creating when empty) the index in <paramref name="path"/>. The writer is opened only when the
    /// first write comes, so a process that only searches never takes the directory's write lock — except to replay a
    /// journal a crashed writer left, which this process then owns.</summary>
    public static LuceneIndexGeneration Open(string name, string path, LuceneCommitPolicy? policy = null)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        IndexWriter? writer = null;
        if (!DirectoryReader.IndexExists(directory))
        {
            writer = NewWriter(directory);
            writer.Commit();
        }

        var generation = new LuceneIndexGeneration(name, path, directory, writer, policy ?? LuceneCommitPolicy.EverySave);
        if (LuceneWriteJournal.Any(path))
        {
            generation.ReplayJournal();
        }

        return generation;
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

    /// <summary>Waits until the feed has given the writer every save handed to it so far, and made the commit its timer
    /// asked for (for tests); true when there is no feed.</summary>
    internal bool WaitForFeed(TimeSpan timeout) => _feed?.WaitUntilCaughtUp(timeout) ?? true;

    /// <summary>Whether a commit is due after every save (<see cref="CommitThroughAsync"/>) rather than in the background.</summary>
    public bool CommitsEverySave => _policy.CommitDelay <= TimeSpan.Zero;

    /// <summary>Hands records to the journal, flushed to the disk before this returns, and queues them for the writer:
    /// the records are durable now and visible to <see cref="TryGetUncommitted"/>; a commit (in the background after the
    /// policy's delay, or before the next search) gives them to the writer and makes them searchable. Returns the ticket
    /// <see cref="CommitThroughAsync"/> waits for.</summary>
    /// <remarks>Called one at a time (the index's write gate): the writer's order and the journal's are then the same.</remarks>
    public long Write(IReadOnlyList<(string SubmissionId, Document Document, string RecordJson)> records)
    {
        // Opened now, not at the commit: a directory another process writes to is this save's error, said to its caller.
        _ = Writer;
        // What the duplicate check reads of each record until the commit, made before the journal's lock is taken.
        var reports = records.Select(r => r.Document.Get(LuceneDocumentBuilder.ReportText) is { Length: > 0 } text
            ? new UncommittedReport(r.SubmissionId, text, new CharacterPairFilter(text))
            : null).ToList();
        long ticket;
        lock (_journalOrder)
        {
            // A save that commits before it returns needs no journal line: the commit is its durability.
            if (!CommitsEverySave)
            {
                _journal.Append([.. records.Select(r => r.RecordJson)], []);
            }

            ticket = Interlocked.Increment(ref _written);
            foreach (var ((id, document, json), report) in records.Zip(reports))
            {
                _pending.Enqueue(new PendingChange([id], document));
                _uncommitted[id] = new UncommittedWrite(ticket, json, report);
            }
        }

        if (_uncommitted.Count > MaxUncommittedWrites)
        {
            CommitAndRefresh();
        }
        else if (!CommitsEverySave)
        {
            Feed();
            ScheduleCommit();
        }

        return ticket;
    }

    /// <summary>Deletes the submissions, journalled and committed before this returns.</summary>
    public void Delete(IReadOnlyList<string> submissionIds)
    {
        _ = Writer;
        lock (_journalOrder)
        {
            _journal.Append([], submissionIds);
            // Queued behind the saves before it: a save of the same case still waiting for the writer must not come after.
            _pending.Enqueue(new PendingChange(submissionIds, null));
            var ticket = Interlocked.Increment(ref _written);
            foreach (var id in submissionIds)
            {
                _uncommitted[id] = new UncommittedWrite(ticket, null, null);
            }
        }

        CommitAndRefresh();
    }

    /// <summary>A record written but not yet committed (its json; null when deleted): what a read of it must see
    /// instead of the committed index.</summary>
    public bool TryGetUncommitted(string submissionId, out string? recordJson)
    {
        if (_uncommitted.TryGetValue(submissionId, out var write))
        {
            recordJson = write.RecordJson;
            return true;
        }

        recordJson = null;
        return false;
    }

    /// <summary>The report texts written and not yet committed (deleted ones left out): few (a second's saves), and
    /// what a search of the last commit cannot find.</summary>
    public IReadOnlyList<UncommittedReport> UncommittedReports() =>
        [.. _uncommitted.Values.Where(w => w.RecordJson is not null).Select(w => w.Report).OfType<UncommittedReport>()];

    /// <summary>Group commit: returns once the writes up to <paramref name="ticket"/> are committed (fsync'd) and
    /// visible to the next search. One caller commits for everyone who wrote before its commit began.</summary>
    /// <remarks>Only where every save commits (<see cref="CommitsEverySave"/>). Elsewhere the feed thread commits, and a
    /// lowered thread must release synchronous waiters only: releasing an async one queues its continuation to the thread
    /// pool (<see cref="UpkeepPriority"/>).</remarks>
    /// <returns>True when this call made the commit, false when another's covered it.</returns>
    public async Task<bool> CommitThroughAsync(long ticket, CancellationToken cancellationToken)
    {
        if (!CommitsEverySave)
        {
            throw new InvalidOperationException("CommitThroughAsync is for an index that commits every save; this one commits in the background.");
        }

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

            CommitAndRefreshInsideGate();
            return true;
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>Commits what was written and not committed yet, so a search sees every save that returned.</summary>
    public void CommitIfDirty()
    {
        if (Volatile.Read(ref _durable) < Volatile.Read(ref _written))
        {
            CommitAndRefresh();
        }
    }

    /// <summary>Commits every write handed so far (durable: fsync'd) and makes them visible to the next search.</summary>
    public void CommitAndRefresh()
    {
        _commitGate.Wait();
        try
        {
            CommitAndRefreshInsideGate();
        }
        finally
        {
            _commitGate.Release();
        }
    }

    private void CommitAndRefreshInsideGate()
    {
        long covered;
        long journalled;
        lock (_journalOrder)
        {
            // Every write counted by now was handed to the writer before it, so the commit holds it; the journal files
            // up to here hold only such writes.
            covered = Volatile.Read(ref _written);
            journalled = _journal.Rotate();
        }

        var writer = _writer ?? Writer;
        GivePendingTo(writer);
        writer.Commit();
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _durable, Math.Max(Volatile.Read(ref _durable), covered));
        foreach (var (id, write) in _uncommitted)
        {
            if (write.Ticket <= covered)
            {
                _uncommitted.TryRemove(new KeyValuePair<string, UncommittedWrite>(id, write));
            }
        }

        _journal.DeleteThrough(journalled);
    }

    /// <summary>Gives the writer what the saves queued. Everything up to the covered ticket is queued by now; what is
    /// queued after it is given too (the journal holds it as well, and giving a case or a deletion twice after a crash
    /// leaves the same index). A change leaves the queue only once the writer has it: a writer that fails (the disk)
    /// keeps it for the next commit, and the journal keeps it for the next start.</summary>
    private void GivePendingTo(IndexWriter writer)
    {
        while (GiveNextPendingTo(writer))
        {
        }
    }

    private bool GiveNextPendingTo(IndexWriter writer)
    {
        lock (_handover)
        {
            if (!_pending.TryPeek(out var change))
            {
                return false;
            }

            if (change.Document is null)
            {
                writer.DeleteDocuments([.. change.SubmissionIds.Select(LuceneDocumentBuilder.IdTerm)]);
            }
            else
            {
                var id = change.SubmissionIds[0];
                try
                {
                    writer.UpdateDocument(LuceneDocumentBuilder.IdTerm(id), change.Document);
                }
                catch (ArgumentException e)
                {
                    // A document Lucene refuses (a term past its size limit) is refused for good: said, and passed over,
                    // so it does not hold back every save behind it.
                    _policy.CommitFailed(new InvalidDataException($"{id}: the index refused the case and left it out: {e.Message}", e));
                }
            }

            _pending.TryDequeue(out _);
            return true;
        }
    }

    /// <summary>Wakes the feed, started with the first save that does not commit at once.</summary>
    private void Feed()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _feed ??= new UpkeepThread("ci-index-feed", FeedOnce, FeedFailed);
            _feed.Signal();
        }
    }

    private void FeedOnce()
    {
        GivePendingTo(_writer ?? Writer);
        if (_commitDue)
        {
            _commitDue = false;
            CommitIfDirty();
        }
    }

    /// <summary>What the feed could not give stays queued for the next commit (and in the journal for the next start).</summary>
    private bool FeedFailed(Exception e)
    {
        if (e is IOException or UnauthorizedAccessException or ObjectDisposedException or InvalidOperationException)
        {
            _policy.CommitFailed(e);
            return true;
        }

        return false;
    }

    private void ScheduleCommit()
    {
        lock (_gate)
        {
            if (_commitTimer is null && !_disposed)
            {
                _commitTimer = _policy.Time.CreateTimer(_ => CommitInBackground(), null, _policy.CommitDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void CommitInBackground()
    {
        lock (_gate)
        {
            _commitTimer?.Dispose();
            _commitTimer = null;
            if (_disposed)
            {
                return;
            }
        }

        // On the feed thread, after what it has to hand over. A failure is said there; the journal still holds the writes,
        // and the next read, write or commit tries again.
        _commitDue = true;
        Feed();
    }

    /// <summary>Writes what a crashed writer journalled after its last commit, in order, and commits it. Left to the
    /// process that holds the write lock when another one does.</summary>
    private void ReplayJournal()
    {
        IndexWriter writer;
        try
        {
            writer = Writer;
        }
        catch (IOException)
        {
            return;
        }

        var replayed = 0;
        foreach (var entry in LuceneWriteJournal.ReadAll(_path))
        {
            if (entry.DeletedId is { } deleted)
            {
                writer.DeleteDocuments(LuceneDocumentBuilder.IdTerm(deleted));
            }
            else if (TryParse(entry.RecordJson!) is { } record)
            {
                writer.UpdateDocument(LuceneDocumentBuilder.IdTerm(record.SubmissionId), LuceneDocumentBuilder.Build(record, entry.RecordJson));
            }

            replayed++;
        }

        CommitAndRefresh();
        _policy.Replayed(replayed);
    }

    private CaseRecord? TryParse(string json)
    {
        try
        {
            return CaseRecordJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            _policy.CommitFailed(new InvalidDataException($"A journalled record of {_path} is unreadable and was skipped: {e.Message}", e));
            return null;
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
            _commitTimer?.Dispose();
            _commitTimer = null;
        }

        // The feed stops before the writer closes; what it had not given yet, the last commit gives.
        _feed?.Dispose();

        // A search's commit under way ends before the writer closes.
        _commitGate.Wait();
        try
        {
            if (_writer is not null && Volatile.Read(ref _durable) < Volatile.Read(ref _written))
            {
                // What the journal holds is safe either way; committing it here spares the next start a replay.
                CommitAndRefreshInsideGate();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _policy.CommitFailed(e);
        }
        finally
        {
            // A background commit waiting at the gate then finds nothing left to commit, or the writer closed (and says
            // so), instead of waiting on a disposed gate for ever.
            _commitGate.Release();
        }

        _searchers.Dispose();
        _writer?.Dispose();
        _journal.Dispose();
        _commitGate.Dispose();
        _directory.Dispose();
    }

    private static IndexWriter NewWriter(LuceneDirectory directory) =>
        new(directory, new IndexWriterConfig(ChineseAnalyzer.Version, ChineseAnalyzer.ForIndexing())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            MergePolicy = FewSegments(),
            MergeScheduler = new UpkeepMergeScheduler(),
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

    private sealed record UncommittedWrite(long Ticket, string? RecordJson, UncommittedReport? Report);

    /// <summary>A case's new document (one id), or, without a document, the cases to delete.</summary>
    private sealed record PendingChange(IReadOnlyList<string> SubmissionIds, Document? Document);

    /// <summary>BM25, as Elasticsearch scores: the two backends rank alike.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
