using System.Globalization;
using System.Runtime.CompilerServices;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Documents;
using CaseIngest.Search.Highlighting;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Lucene;

/// <summary>The embedded Lucene.Net index. A singleton: it owns the one <see cref="IndexWriter"/> Lucene allows per
/// directory (through <see cref="LuceneIndexGeneration"/>) and the <see cref="SearcherManager"/> every search shares.</summary>
public sealed class LuceneSearchIndex : ISearchIndex, ISearchIndexMaintenance, ISimilarTextSearch, IDisposable
{
    private static readonly TimeSpan s_externalCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly ISet<string> s_candidateFields =
        new HashSet<string>(StringComparer.Ordinal) { SearchFields.SubmissionId, LuceneDocumentBuilder.ReportText };

    private readonly LuceneIndexPointer _pointer;
    private readonly LuceneCommitPolicy _commitPolicy;
    private readonly ILogger<LuceneSearchIndex> _logger;
    private readonly TimeProvider _time;
    private readonly LuceneQueryBuilder _queries = new(ChineseAnalyzer.ForQueries());
    private readonly ChineseAnalyzer _similarityAnalyzer = ChineseAnalyzer.ForQueries();
    private readonly CopyCandidateQuery _copies;
    private readonly Lock _openGate = new();
    private readonly FacetOrdinalsCache _facetOrdinals = FacetCountCollector.NewCache();

    // Upserts wait while a reindex copies the records, so none lands in the version being replaced.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private LuceneIndexGeneration? _current;
    private long _nextExternalCheck;

    public LuceneSearchIndex(IOptions<SearchOptions> options, ILogger<LuceneSearchIndex> logger, TimeProvider? time = null)
    {
        _pointer = new LuceneIndexPointer(options.Value.Lucene.Path);
        _copies = new CopyCandidateQuery(_similarityAnalyzer);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _commitPolicy = new LuceneCommitPolicy(TimeSpan.FromMilliseconds(options.Value.Lucene.CommitDelayMs), _time,
            e => _logger.BackgroundCommitFailed(e, _pointer.Root), n => _logger.JournalReplayed(n, _pointer.Root));
    }

    /// <summary>Waits until the current version's feed has handed over every save and made the commit its timer asked
    /// for (tests: the background commit runs on the feed thread).</summary>
    internal bool WaitForUpkeep(TimeSpan timeout) => Current().WaitForFeed(timeout);

    /// <summary>The directory searches use now (for the command line and tests).</summary>
    public string CurrentVersion => Current().Name;

    public async Task UpsertAsync(IReadOnlyCollection<CaseRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var documents = records.Select(r =>
        {
            var json = CaseRecordJson.Serialize(r);
            return (r.SubmissionId, LuceneDocumentBuilder.Build(r, json), json);
        }).ToList();
        GenerationLease lease = default;
        var leased = false;
        long ticket;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // Leased inside the gate (a reindex switches versions holding it), kept until the commit below.
            lease = Lease();
            leased = true;
            ticket = lease.Generation.Write(documents);
        }
        catch
        {
            if (leased)
            {
                lease.Dispose();
            }

            throw;
        }
        finally
        {
            _writeGate.Release();
        }

        var writeMs = _time.GetElapsedTime(started).TotalMilliseconds;
        var committed = false;
        try
        {
            if (lease.Generation.CommitsEverySave)
            {
                committed = await lease.Generation.CommitThroughAsync(ticket, cancellationToken);
            }
        }
        finally
        {
            lease.Dispose();
        }

        var commitMs = _time.GetElapsedTime(started).TotalMilliseconds - writeMs;
        _logger.Indexed(records.Count, writeMs, commitMs, committed);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken)
    {
        if (submissionIds.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            using var lease = Lease();
            lease.Generation.Delete([.. submissionIds]);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<CaseRecord?> GetAsync(string submissionId, CancellationToken cancellationToken)
    {
        using var lease = Lease();
        // A record saved and not yet committed is read from the journal's copy in memory, so a read-compare-write of
        // the repository never sees an older version; every other record is in the committed index.
        if (lease.Generation.TryGetUncommitted(submissionId, out var uncommitted))
        {
            return Task.FromResult(uncommitted is null ? null : CaseRecordJson.Deserialize(uncommitted));
        }

        return Task.FromResult(lease.SearchCommitted(searcher =>
        {
            var top = searcher.Search(new TermQuery(LuceneDocumentBuilder.IdTerm(submissionId)), 1);
            return top.ScoreDocs.Length == 0 ? null : StoredRecord(searcher, top.ScoreDocs[0].Doc);
        }));
    }

    public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var scope = SearchScopes.Normalize(query.Scope);
        var (luceneQuery, needles) = _queries.BuildQuery(query.Text, scope);
        var filter = LuceneQueryBuilder.BuildFilter(query);
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Clamp(query.Limit, 0, 10_000);
        using var lease = Lease();
        return Task.FromResult(lease.Search(searcher =>
        {
            var top = TopFieldCollector.Create(LuceneQueryBuilder.SortOf(query.Sort), Math.Max(1, offset + limit),
                fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCountCollector(_facetOrdinals);
            searcher.Search(luceneQuery, filter, MultiCollector.Wrap(top, facets));
            var hits = limit == 0 ? [] : top.GetTopDocs(offset, limit).ScoreDocs
                .Select(d => ToHit(HitDocument(searcher, d.Doc, scope), d.Score, scope, needles)).ToList();
            return new SearchResult { Total = top.TotalHits, Hits = hits, Facets = facets.Result() };
        }));
    }

    public async Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(string submissionId, int count, CancellationToken cancellationToken)
    {
        var record = await GetAsync(submissionId, cancellationToken);
        if (record is null)
        {
            return [];
        }

        var document = CaseDocument.From(record);
        return await MoreLikeTextAsync(document.Title + "\n" + document.Body, submissionId, count, cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> MoreLikeTextAsync(string text, string? excludeSubmissionId, int count, CancellationToken cancellationToken)
    {
        using var lease = Lease();
        return Task.FromResult<IReadOnlyList<SearchHit>>(lease.Search(searcher =>
        {
            var similar = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _similarityAnalyzer,
                FieldNames = [SearchFields.Title, SearchFields.Body],
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxQueryTerms = 64,
                MaxNumTokensParsed = 20_000,
            };
            using var reader = new StringReader(text);
            var query = new BooleanQuery { { similar.Like(reader, SearchFields.Body), Occur.MUST } };
            if (excludeSubmissionId is not null)
            {
                query.Add(new TermQuery(LuceneDocumentBuilder.IdTerm(excludeSubmissionId)), Occur.MUST_NOT);
            }

            return searcher.Search(query, Math.Max(1, count)).ScoreDocs
                .Select(d => ToHit(HitDocument(searcher, d.Doc, SearchScopes.Report), d.Score, SearchScopes.Report, [])).ToList();
        }));
    }

    public async IAsyncEnumerable<CopyCandidate> CopyCandidatesAsync(string text, string? excludeSubmissionId, int count, Func<string, bool> textKnown,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sample = _copies.Sample(text);
        if (CopyCandidateQuery.Build(sample, excludeSubmissionId) is not { } query)
        {
            yield break;
        }

        using var lease = Lease();
        var given = new HashSet<string>(StringComparer.Ordinal);
        // The records saved since the last commit (a second's worth) are tested in memory, ahead of the last commit's
        // likeliest copies: asking for a commit here would cost each package a commit again, which the journal spared it.
        var uncommitted = lease.Generation.UncommittedReports()
            .Where(r => r.SubmissionId != excludeSubmissionId)
            .Select(r => (Candidate: new CopyCandidate(r.SubmissionId, r.Text), Matched: CopyCandidateQuery.MatchesIn(sample, r)))
            .Where(r => r.Matched > 0)
            .OrderByDescending(r => r.Matched);
        foreach (var (candidate, _) in uncommitted)
        {
            given.Add(candidate.SubmissionId);
            yield return candidate;
        }

        // Each committed candidate is read (its stored text the costliest part) only when the caller asks for it.
        var searcher = lease.Generation.AcquireSearcher();
        try
        {
            foreach (var hit in searcher.Search(query, Math.Max(1, count)).ScoreDocs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CandidateOf(searcher, hit.Doc, textKnown) is var candidate && given.Add(candidate.SubmissionId))
                {
                    yield return candidate;
                }
            }
        }
        finally
        {
            lease.Generation.ReleaseSearcher(searcher);
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<CaseRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lease = Lease();
        lease.Generation.CommitIfDirty();
        var searcher = lease.Generation.AcquireSearcher();
        try
        {
            foreach (var record in ReadAll(searcher))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }
        }
        finally
        {
            lease.Generation.ReleaseSearcher(searcher);
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<CaseRecord> ReadOutlinesAsync(OutlineFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lease = Lease();
        lease.Generation.CommitIfDirty();
        var searcher = lease.Generation.AcquireSearcher();
        try
        {
            var weight = searcher.CreateNormalizedWeight(OutlineQuery(filter));
            var stored = new HashSet<string> { SearchFields.Record };
            var bytes = new BytesRef();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                if (weight.GetScorer(leaf, reader.LiveDocs) is not { } matches)
                {
                    continue;
                }

                var outlines = reader.GetBinaryDocValues(LuceneDocumentBuilder.Outline);
                for (var doc = matches.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.NextDoc())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outlines?.Get(doc, bytes);
                    // No outline: a document indexed before outlines were kept, or one past their size limit.
                    yield return outlines is not null && bytes.Length > 0
                        ? RecordOutline.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length))
                        : RecordOutline.Of(CaseRecordJson.Deserialize(reader.Document(doc, stored).Get(SearchFields.Record)));
                }
            }
        }
        finally
        {
            lease.Generation.ReleaseSearcher(searcher);
        }

        await Task.CompletedTask;
    }

    public async Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            using var lease = Lease();
            var previous = lease.Generation;
            // Holding the old version's write lock while copying: a reindex fails fast (with the reason) when another
            // process writes the index, instead of losing that process's writes made during the copy.
            _ = previous.Writer;
            // Upserts hand their records over inside the write gate and commit after it (group commit): what they handed
            // is committed here, so the copy below holds it.
            previous.CommitAndRefresh();
            var name = _pointer.NextName();
            var next = LuceneIndexGeneration.Open(name, _pointer.PathOf(name), _commitPolicy);
            long count = 0;
            try
            {
                var searcher = previous.AcquireSearcher();
                try
                {
                    foreach (var record in ReadAll(searcher))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        next.Writer.AddDocument(LuceneDocumentBuilder.Build(record));
                        count++;
                    }
                }
                finally
                {
                    previous.ReleaseSearcher(searcher);
                }

                // A rebuilt index is searched far more than it is written: one segment answers fastest.
                next.Writer.ForceMerge(1);
                next.CommitAndRefresh();
            }
            catch
            {
                next.Dispose();
                _pointer.DeleteAllExcept(previous.Name, _pointer.Read());
                throw;
            }

            _pointer.Write(name);
            lock (_openGate)
            {
                _current = next;
            }

            previous.Retire();
            // The previous version stays on disk: another process (the web app) may still read it until its next check.
            _pointer.DeleteAllExcept(name, previous.Name);
            _logger.Reindexed(count, name, previous.Name);
            return new ReindexResult(count, name, previous.Name);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        lock (_openGate)
        {
            _current?.Retire();
            _current = null;
        }

        _similarityAnalyzer.Dispose();
        _writeGate.Dispose();
    }

    private static IEnumerable<CaseRecord> ReadAll(IndexSearcher searcher)
    {
        var fields = new HashSet<string> { SearchFields.Record };
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    yield return CaseRecordJson.Deserialize(reader.Document(doc, fields).Get(SearchFields.Record));
                }
            }
        }
    }

    private static Query OutlineQuery(OutlineFilter filter) =>
        LuceneQueryBuilder.FilterQuery(filter.AsSearchQuery())
            is { Clauses.Count: > 0 } query ? query : new MatchAllDocsQuery();

    private static CaseRecord StoredRecord(IndexSearcher searcher, int doc) =>
        CaseRecordJson.Deserialize(searcher.Doc(doc, new HashSet<string> { SearchFields.Record }).Get(SearchFields.Record));

    // The id from its doc value; when the caller knows that case's text, nothing stored is read. Else the id and the
    // report text, stored ahead of the record: the visit stops before the record is decompressed. (A document indexed
    // before the id's doc value was kept has its id read from the stored fields, stopping right after it.)
    private static CopyCandidate CandidateOf(IndexSearcher searcher, int doc, Func<string, bool> textKnown)
    {
        if (IdValueOf(searcher, doc) is { } known && textKnown(known))
        {
            return new CopyCandidate(known, null);
        }

        var stored = new StoredStringsVisitor(s_candidateFields, visited => visited[SearchFields.SubmissionId] is { } id && textKnown(id));
        searcher.Doc(doc, stored);
        return new CopyCandidate(stored[SearchFields.SubmissionId] ?? "", stored[LuceneDocumentBuilder.ReportText]);
    }

    private static string? IdValueOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(LuceneDocumentBuilder.IdValue) is not { } ids)
        {
            return null;
        }

        var bytes = new BytesRef();
        ids.Get(doc - leaf.DocBase, bytes);
        return bytes.Length > 0 ? bytes.Utf8ToString() : null;
    }

    /// <summary>A hit's fields from the few stored beside the record; a search of system text (findings, OCR) needs
    /// that text, which only the record holds.</summary>
    private static CaseDocument HitDocument(IndexSearcher searcher, int doc, string scope)
    {
        if (scope == SearchScopes.Report)
        {
            var stored = new StoredStringsVisitor(LuceneDocumentBuilder.HitFields);
            searcher.Doc(doc, stored);
            if (LuceneDocumentBuilder.ReadHit(stored) is { } hit)
            {
                return hit;
            }
        }

        return CaseDocument.From(StoredRecord(searcher, doc));
    }

    private static SearchHit ToHit(CaseDocument document, float score, string scope, IReadOnlyList<QueryNeedle> needles) =>
        HitSnippets.Hit(document, float.IsNaN(score) ? 0 : score, scope, needles);

    private LuceneIndexGeneration Current()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !ExternalCheckDue())
        {
            return current;
        }

        lock (_openGate)
        {
            var name = _pointer.Read();
            if (_current is not null && (name is null || name == _current.Name))
            {
                _current.RefreshIfChanged();
                return _current;
            }

            // First use, or another process switched versions (a reindex run from the command line).
            if (name is null)
            {
                name = _pointer.NextName();
                _pointer.Write(name);
            }

            var opened = LuceneIndexGeneration.Open(name, _pointer.PathOf(name), _commitPolicy);
            var replaced = _current;
            _current = opened;
            replaced?.Retire();
            _logger.OpenedIndex(name, _pointer.Root);
            return opened;
        }
    }

    private bool ExternalCheckDue()
    {
        var now = _time.GetTimestamp();
        var due = Interlocked.Read(ref _nextExternalCheck);
        if (now < due)
        {
            return false;
        }

        var next = now + (long)(s_externalCheckInterval.TotalSeconds * _time.TimestampFrequency);
        return Interlocked.CompareExchange(ref _nextExternalCheck, next, due) == due;
    }

    private GenerationLease Lease()
    {
        while (true)
        {
            var generation = Current();
            if (generation.TryLease())
            {
                return new GenerationLease(generation);
            }

            // Retired between reading and leasing (a reindex switched): take the new current one.
        }
    }

    private readonly struct GenerationLease(LuceneIndexGeneration generation) : IDisposable
    {
        public LuceneIndexGeneration Generation { get; } = generation;

        /// <summary>Searches what every save that returned wrote (what is pending is committed first).</summary>
        public T Search<T>(Func<IndexSearcher, T> search)
        {
            Generation.CommitIfDirty();
            return SearchCommitted(search);
        }

        /// <summary>Searches the last commit, without waiting for one.</summary>
        public T SearchCommitted<T>(Func<IndexSearcher, T> search)
        {
            var searcher = Generation.AcquireSearcher();
            try
            {
                return search(searcher);
            }
            finally
            {
                Generation.ReleaseSearcher(searcher);
            }
        }

        public void Dispose() => Generation.EndLease();
    }
}
