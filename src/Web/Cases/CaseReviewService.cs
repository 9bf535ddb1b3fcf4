using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;

namespace CaseIngest.Web.Cases;

/// <summary>What people write on a case (type confirmation, shortlist), validated, through
/// <see cref="ICaseRepository.UpdateReviewAsync"/> so that it survives reprocessing.</summary>
internal sealed class CaseReviewService(ICaseRepository repository, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public Task<ReviewOutcome> ConfirmTypeAsync(string submissionId, string? type, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var normalized = CaseTypes.Normalize(type);
        if (normalized is null || !CaseTypes.All.Contains(normalized))
        {
            return Task.FromResult(ReviewOutcome.Invalid($"案例类型“{type}”不是六类之一：{string.Join("、", CaseTypes.All)}。"));
        }

        return UpdateAsync(submissionId, review =>
        {
            review.ConfirmedType = normalized;
            review.ConfirmedBy = user.Identity?.Name;
            review.ConfirmedAt = clock.GetUtcNow();
        }, cancellationToken);
    }

    public Task<ReviewOutcome> ShortlistAsync(string submissionId, int rating, string? note, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (rating is < 1 or > 5)
        {
            return Task.FromResult(ReviewOutcome.Invalid($"评分须为 1–5，收到 {rating}。"));
        }

        if (note?.Length > MaxNoteLength)
        {
            return Task.FromResult(ReviewOutcome.Invalid($"备注最多 {MaxNoteLength} 字符。"));
        }

        return UpdateAsync(submissionId, review => review.Shortlist = new Shortlist
        {
            Rating = rating,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            By = user.Identity?.Name,
            At = clock.GetUtcNow(),
        }, cancellationToken);
    }

    public Task<ReviewOutcome> RemoveFromShortlistAsync(string submissionId, CancellationToken cancellationToken) =>
        UpdateAsync(submissionId, review => review.Shortlist = null, cancellationToken);

    private async Task<ReviewOutcome> UpdateAsync(string submissionId, Action<ReviewSection> change, CancellationToken cancellationToken)
    {
        var record = await repository.UpdateReviewAsync(submissionId, change, cancellationToken);
        return record is null ? ReviewOutcome.NotFound : ReviewOutcome.Saved(record);
    }
}

/// <summary>How a review change ended.</summary>
internal sealed record ReviewOutcome(CaseRecord? Record, string? Error, bool Missing)
{
    public static ReviewOutcome NotFound { get; } = new(null, null, true);

    public static ReviewOutcome Invalid(string error) => new(null, error, false);

    public static ReviewOutcome Saved(CaseRecord record) => new(record, null, false);
}
