using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using Microsoft.AspNetCore.Http;

namespace CaseIngest.Web.Api;

/// <summary>Maps a review change to an API answer: the updated review, 400 with the reason, 409 when the review moved on
/// (with its current revision), or 404.</summary>
internal static class ReviewResults
{
    public static IResult ToApiResult(ReviewOutcome outcome, string submissionId) => outcome switch
    {
        { Missing: true } => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"案例 {submissionId} 不存在。"),
        { Conflict: true } => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Error,
            extensions: new Dictionary<string, object?> { ["revision"] = outcome.Record?.Review?.Revision }),
        { Error: { } error } => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: error),
        _ => Results.Json(outcome.Record!.Review ?? new ReviewSection(), CaseRecordJson.Options),
    };
}
