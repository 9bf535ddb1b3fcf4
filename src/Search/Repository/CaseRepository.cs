using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;
using CaseIngest.Search.History;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Search.Repository;

/// <summary>The keeping rules above any backend: the review people wrote survives reprocessing; a resubmission
/// supersedes by <see cref="CaseRecord.SubmittedAt"/> and an older one never overwrites a newer; another package under the
/// same id is a new version. A singleton: the read-compare-write of one submission is serialised in the process by its
/// id's stripe, which is also what makes the revision check of a review change atomic (one writing process per index).</summary>
public sealed class CaseRepository(ISearchIndex index, IAuditStore audit, IRecordHistory history, TimeProvider clock,
    ILogger<CaseRepository> logger) : ICaseRepository, IDisposable
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

            // The pipeline never writes review; what people wrote is carried over to the new processing.
            var toSave = CaseRecordJson.Clone(record);
            toSave.Review = existing.Review;
            // A withdrawal is kept too, unless this is a resubmission made after it.
            if (existing.Withdrawn is { } withdrawn && record.Withdrawn is null && !(record.SubmittedAt > withdrawn.At))
            {
                toSave.Withdrawn = withdrawn;
            }
            toSave.PackageVersion = existing.PackageVersion;
            if (!IsAnotherPackage(existing, record))
            {
                await index.UpsertAsync([toSave], cancellationToken);
                return SaveOutcome.Replaced;
            }

            toSave.PackageVersion = existing.PackageVersion + 1;
            var events = CarryOverReview(existing, toSave);
            await history.KeepAsync(existing, cancellationToken);
            await audit.AppendAsync(events, cancellationToken);
            await index.UpsertAsync([toSave], cancellationToken);
            logger.NewPackageVersion(record.SubmissionId, toSave.PackageVersion, events.Count - 1);
            return SaveOutcome.NewVersion;
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<ReviewUpdate> UpdateReviewAsync(string submissionId, ReviewEdit edit, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(submissionId);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var record = await index.GetAsync(submissionId, cancellationToken);
            if (record is null)
            {
                return ReviewUpdate.NotFound;
            }

            record.Review ??= new ReviewSection();
            if (edit.ExpectedRevision is { } expected && expected != record.Review.Revision)
            {
                return new ReviewUpdate(ReviewUpdateStatus.Conflict, record,
                    $"案例 {submissionId} 已被他人修改（您看到的是第 {expected} 版，现为第 {record.Review.Revision} 版）：请查看最新内容后再保存。");
            }

            var result = edit.Apply(record);
            if (result.Error is { } error)
            {
                return result.IsConflict
                    ? new ReviewUpdate(ReviewUpdateStatus.Conflict, await index.GetAsync(submissionId, cancellationToken), error)
                    : new ReviewUpdate(ReviewUpdateStatus.Invalid, null, error);
            }

            if (result.Changes.Count == 0)
            {
                return new ReviewUpdate(ReviewUpdateStatus.Unchanged, record);
            }

            record.Review.Revision++;
            var at = clock.GetUtcNow();
            // The events first: a change that is in the record is always in the trail (a crash between the two leaves an
            // event whose revision the record never reached, which the trail shows as such, never a silent change).
            await audit.AppendAsync(
                [.. result.Changes.Select(c => Event(record, edit.Actor.Name, edit.Actor.Role, at, c))], cancellationToken);
            await index.UpsertAsync([record], cancellationToken);
            return new ReviewUpdate(ReviewUpdateStatus.Saved, record);
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<IReadOnlyList<string>> UpdateManyAsync(IReadOnlyCollection<string> submissionIds, Func<CaseRecord, RecordUpdate> change,
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
            var events = new List<AuditEvent>();
            var at = clock.GetUtcNow();
            foreach (var submissionId in submissionIds.Distinct(StringComparer.Ordinal))
            {
                if (await index.GetAsync(submissionId, cancellationToken) is not { } record || change(record) is not { Write: true } update)
                {
                    continue;
                }

                changed.Add(record);
                if (update.ReviewChanges.Count > 0)
                {
                    record.Review ??= new ReviewSection();
                    record.Review.Revision++;
                    events.AddRange(update.ReviewChanges.Select(c => Event(record, AuditActors.System, AuditActors.SystemRole, at, c)));
                }
            }

            // The events first, as for a person's change: what is in the records is always in the trail.
            if (events.Count > 0)
            {
                await audit.AppendAsync(events, cancellationToken);
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

    /// <summary>Another package under the same id (a resubmission), as opposed to the same package processed again.</summary>
    private static bool IsAnotherPackage(CaseRecord existing, CaseRecord incoming) =>
        existing.PackageSha256 is { Length: > 0 } before && incoming.PackageSha256 is { Length: > 0 } after
        && !string.Equals(before, after, StringComparison.OrdinalIgnoreCase);

    /// <summary>A new version keeps the decisions on findings that still stand (code and evidence) and drops the rest; the
    /// package decision was about the old package, so the new one waits for a person again. Returns the audit events.</summary>
    private List<AuditEvent> CarryOverReview(CaseRecord previous, CaseRecord next)
    {
        var at = clock.GetUtcNow();
        var changes = new List<ReviewChange>
        {
            new(AuditActions.NewVersion, null, $"v{previous.PackageVersion} {previous.PackageSha256}", $"v{next.PackageVersion} {next.PackageSha256}"),
        };
        if (next.Review is not { } review)
        {
            return [.. changes.Select(c => Event(next, AuditActors.System, AuditActors.SystemRole, at, c))];
        }

        review = next.Review = Clone(review);
        // The edition stage writes its findings after the save (they depend on the other records): decisions on the ones
        // the old version carried are kept, for the stage to confirm, rather than dropped because the pipeline's record
        // cannot have them yet.
        var edition = previous.Findings.Where(f => f.Plugin == EditionFindings.Plugin).ToList();
        foreach (var dropped in review.Findings
                     .Where(d => !next.Findings.Any(f => ReviewRules.SameFinding(d.Code, d.Evidence, f))
                                 && !edition.Any(f => ReviewRules.SameFinding(d.Code, d.Evidence, f)))
                     .ToList())
        {
            review.Findings.Remove(dropped);
            changes.Add(new ReviewChange(AuditActions.FindingCleared, AuditValues.Finding(dropped.Code, dropped.Evidence), AuditValues.Of(dropped), null));
        }

        if (review.Decision is { } decision)
        {
            review.Decision = null;
            changes.Add(new ReviewChange(AuditActions.PackageReopened, null, AuditValues.Of(decision), null));
        }

        review.Revision++;
        return [.. changes.Select(c => Event(next, AuditActors.System, AuditActors.SystemRole, at, c))];
    }

    private static ReviewSection Clone(ReviewSection review) =>
        CaseRecordJson.Clone(new CaseRecord { Review = review }).Review!;

    private static AuditEvent Event(CaseRecord record, string actor, string role, DateTimeOffset at, ReviewChange change) => new()
    {
        SubmissionId = record.SubmissionId,
        Actor = actor,
        Role = role,
        At = at,
        What = change.What,
        Subject = change.Subject,
        Before = change.Before,
        After = change.After,
        Revision = record.Review?.Revision ?? 0,
        PackageVersion = record.PackageVersion,
    };

    private SemaphoreSlim StripeOf(string submissionId) => _stripes[StripeIndexOf(submissionId)];

    private static int StripeIndexOf(string submissionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(submissionId) % Stripes);
}
