using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Search.Repository;

/// <summary>The keeping rules above any backend: the review people wrote survives reprocessing; a resubmission
/// supersedes by <see cref="CaseRecord.SubmittedAt"/> and an older one never overwrites a newer. A singleton: the
/// read-compare-write of one submission is serialised in the process by its id's stripe.</summary>
public sealed class CaseRepository(ISearchIndex index, ILogger<CaseRepository> logger) : ICaseRepository, IDisposable
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<SaveOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(record.SubmissionId);
        var stripe = StripeOf(record.SubmissionId);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var existing = await index.GetAsync(record.SubmissionId, cancellationToken);
            if (existing is null)
            {
                await index.UpsertAsync([record], cancellationToken);
                return SaveOutcome.Created;
            }

            if (existing.SubmittedAt is { } indexed && record.SubmittedAt is { } incoming && incoming < indexed)
            {
                logger.SkippedOlder(record.SubmissionId, incoming, indexed);
                return SaveOutcome.SkippedOlder;
            }

            // The pipeline never writes review; what people wrote is carried over to the new processing. A withdrawal
            // is kept too, unless this is a resubmission made after it.
            var toSave = record;
            var keepWithdrawal = existing.Withdrawn is { } withdrawn && !(record.SubmittedAt > withdrawn.At) && record.Withdrawn is null;
            if (existing.Review is not null || keepWithdrawal)
            {
                toSave = CaseRecordJson.Clone(record);
                toSave.Review = existing.Review ?? toSave.Review;
                toSave.Withdrawn = keepWithdrawal ? existing.Withdrawn : toSave.Withdrawn;
            }

            await index.UpsertAsync([toSave], cancellationToken);
            return SaveOutcome.Replaced;
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<CaseRecord?> UpdateReviewAsync(string submissionId, Action<ReviewSection> change, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(submissionId);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var record = await index.GetAsync(submissionId, cancellationToken);
            if (record is null)
            {
                return null;
            }

            record.Review ??= new ReviewSection();
            change(record.Review);
            await index.UpsertAsync([record], cancellationToken);
            return record;
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, bool> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Taken in ascending order, so two batches never wait on each other's stripes.
        var stripes = submissionIds.Select(StripeIndexOf).Distinct().Order().ToList();
        var taken = new List<SemaphoreSlim>(stripes.Count);
        try
        {
            foreach (var index in stripes)
            {
                await _stripes[index].WaitAsync(cancellationToken);
                taken.Add(_stripes[index]);
            }

            var changed = new List<CaseRecord>();
            foreach (var submissionId in submissionIds.Distinct(StringComparer.Ordinal))
            {
                if (await index.GetAsync(submissionId, cancellationToken) is { } record && change(record))
                {
                    changed.Add(record);
                }
            }

            if (changed.Count > 0)
            {
                await index.UpsertAsync(changed, cancellationToken);
            }

            return changed.Select(r => r.SubmissionId).ToList();
        }
        finally
        {
            foreach (var stripe in taken)
            {
                stripe.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private SemaphoreSlim StripeOf(string submissionId) => _stripes[StripeIndexOf(submissionId)];

    private static int StripeIndexOf(string submissionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(submissionId) % Stripes);
}
