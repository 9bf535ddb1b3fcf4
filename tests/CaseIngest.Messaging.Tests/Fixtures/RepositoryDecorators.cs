using System.Collections.Concurrent;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;

namespace CaseIngest.Messaging.Tests.Fixtures;

/// <summary>Counts what reaches the real repository, per submission id and per worker.</summary>
public sealed class CountingRepository(ICaseRepository inner, string worker = "") : ICaseRepository
{
    private readonly ConcurrentDictionary<string, int> _saves = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConcurrentBag<string>>? SavedBy { get; init; }

    public IReadOnlyDictionary<string, int> Saves => _saves;

    public int TotalSaves => _saves.Values.Sum();

    public async Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var outcome = await inner.SaveAsync(record, cancellationToken);
        _saves.AddOrUpdate(record.SubmissionId, 1, (_, n) => n + 1);
        SavedBy?.GetOrAdd(record.SubmissionId, _ => []).Add(worker);
        return outcome;
    }

    public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
        inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

    public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
}

/// <summary>The index unavailable for a while: the first <paramref name="failures"/> saves throw as a backend that
/// is down would (the real index behind it is untouched until it "comes back").</summary>
public sealed class FailingIndexRepository(ICaseRepository inner, int failures) : ICaseRepository
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failures)
        {
            throw new HttpRequestException("the index is unavailable (FailingIndex: simulated outage)");
        }

        return inner.SaveAsync(record, cancellationToken);
    }

    public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
        inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

    public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
}

/// <summary>Lets the first <paramref name="free"/> saves through, then holds every save until <see cref="Release"/>:
/// keeps messages in flight (and the queue non-empty) while a test does something to the broker.</summary>
public sealed class HeldIndexRepository(ICaseRepository inner, int free) : ICaseRepository
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    /// <summary>Completes when the first save is being held.</summary>
    public Task Holding => _holding.Task;

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _released.TrySetResult();

    public async Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) > free && !_released.Task.IsCompleted)
        {
            _holding.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }

        return await inner.SaveAsync(record, cancellationToken);
    }

    public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
        inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

    public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
}

/// <summary>Holds every save until <paramref name="together"/> saves are waiting at once, then lets them all through:
/// the saves complete only if the worker works on that many packages at the same time. Records the most seen at once.</summary>
public sealed class RendezvousRepository(ICaseRepository inner, int together) : ICaseRepository
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;
    private int _mostAtOnce;

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public async Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        Task round;
        lock (_gate)
        {
            _waiting++;
            _mostAtOnce = Math.Max(_mostAtOnce, _waiting);
            round = _round.Task;
            if (_waiting == together)
            {
                _waiting = 0;
                _round.TrySetResult();
                _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        await round.WaitAsync(cancellationToken);
        return await inner.SaveAsync(record, cancellationToken);
    }

    public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
        inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

    public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
}

/// <summary>Notes something about the machine at the moment each record is saved.</summary>
public sealed class NotingRepository(ICaseRepository inner, Func<bool> note) : ICaseRepository
{
    public List<bool> Notes { get; } = [];

    public Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        lock (Notes)
        {
            Notes.Add(note());
        }

        return inner.SaveAsync(record, cancellationToken);
    }

    public Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken) =>
        inner.UpdateReviewAsync(submissionId, edit, cancellationToken);

    public Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
        CancellationToken cancellationToken) => inner.UpdateManyAsync(submissionIds, change, cancellationToken);
}
