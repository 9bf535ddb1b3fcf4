using System.Globalization;
using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;

namespace CaseIngest.Web.Cases;

/// <summary>What people write on a case (type confirmation, shortlist), validated, through
/// <see cref="ICaseRepository.UpdateReviewAsync"/> so that it survives reprocessing and leaves an audit event.</summary>
internal sealed class CaseReviewService(ICaseRepository repository, TimeProvider clock, Casebook.ShortlistRules shortlistRules)
{
    public const int MaxNoteLength = 2000;

    public Task<ReviewOutcome> ConfirmTypeAsync(string submissionId, string? type, ClaimsPrincipal user,
        CancellationToken cancellationToken, long? expectedRevision = null)
    {
        var normalized = CaseTypes.Normalize(type);
        if (normalized is null || !CaseTypes.All.Contains(normalized))
        {
            return Task.FromResult(ReviewOutcome.Invalid($"案例类型“{type}”不是六类之一：{string.Join("、", CaseTypes.All)}。"));
        }

        return UpdateAsync(submissionId, user, expectedRevision, record =>
        {
            var review = record.Review!;
            var before = review.ConfirmedType;
            if (string.Equals(before, normalized, StringComparison.Ordinal))
            {
                return ReviewEditResult.Of();
            }

            review.ConfirmedType = normalized;
            review.ConfirmedBy = user.Identity?.Name;
            review.ConfirmedAt = clock.GetUtcNow();
            return ReviewEditResult.Of(new ReviewChange(AuditActions.TypeConfirmed, null, before, normalized));
        }, cancellationToken);
    }

    public Task<ReviewOutcome> ShortlistAsync(string submissionId, int rating, string? note, ClaimsPrincipal user,
        CancellationToken cancellationToken, long? expectedRevision = null)
    {
        if (rating is < 1 or > 5)
        {
            return Task.FromResult(ReviewOutcome.Invalid($"评分须为 1–5，收到 {rating}。"));
        }

        if (note?.Length > MaxNoteLength)
        {
            return Task.FromResult(ReviewOutcome.Invalid($"备注最多 {MaxNoteLength} 字符。"));
        }

        return UpdateAsync(submissionId, user, expectedRevision, record =>
        {
            if (shortlistRules.Refusal(record) is { } refusal)
            {
                return ReviewEditResult.Refused(refusal);
            }

            var review = record.Review!;
            var before = ShortlistText(review.Shortlist);
            review.Shortlist = new Shortlist
            {
                Rating = rating,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                By = user.Identity?.Name,
                At = clock.GetUtcNow(),
            };
            return ReviewEditResult.Of(new ReviewChange(AuditActions.Shortlisted, null, before, ShortlistText(review.Shortlist)));
        }, cancellationToken);
    }

    public Task<ReviewOutcome> RemoveFromShortlistAsync(string submissionId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        UpdateAsync(submissionId, user, null, record =>
        {
            var review = record.Review!;
            if (review.Shortlist is not { } removed)
            {
                return ReviewEditResult.Of();
            }

            review.Shortlist = null;
            return ReviewEditResult.Of(new ReviewChange(AuditActions.Unshortlisted, null, ShortlistText(removed), null));
        }, cancellationToken);

    /// <summary>Applies one audited change as the signed-in person.</summary>
    public async Task<ReviewOutcome> UpdateAsync(string submissionId, ClaimsPrincipal user, long? expectedRevision,
        Func<CaseRecord, ReviewEditResult> apply, CancellationToken cancellationToken) =>
        ReviewOutcome.From(await repository.UpdateReviewAsync(submissionId, new ReviewEdit(ActorOf(user), expectedRevision, apply), cancellationToken));

    /// <summary>The person as the audit trail names them.</summary>
    public static ReviewActor ActorOf(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "");

    private static string? ShortlistText(Shortlist? shortlist) =>
        shortlist is null ? null : string.Create(CultureInfo.InvariantCulture, $"{shortlist.Rating}★ {shortlist.Note}").Trim();
}

/// <summary>How a review change ended.</summary>
internal sealed record ReviewOutcome(CaseRecord? Record, string? Error, bool Missing, bool Conflict = false)
{
    public static ReviewOutcome NotFound { get; } = new(null, null, true);

    public static ReviewOutcome Invalid(string error) => new(null, error, false);

    public static ReviewOutcome Saved(CaseRecord record) => new(record, null, false);

    public static ReviewOutcome From(ReviewUpdate update) => update.Status switch
    {
        ReviewUpdateStatus.NotFound => NotFound,
        ReviewUpdateStatus.Invalid => Invalid(update.Error ?? "无效的修改。"),
        ReviewUpdateStatus.Conflict => new(update.Record, update.Error, false, Conflict: true),
        _ => Saved(update.Record!),
    };
}
