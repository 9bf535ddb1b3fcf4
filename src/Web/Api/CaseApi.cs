using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.PageImages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Api;

internal static class CaseApi
{
    public const int MaxSimilar = 20;

    public static void Map(IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("cases");

        cases.MapGet("/{id}", async (string id, VisibleCases cases, CancellationToken ct) =>
            await cases.GetAsync(id, ct) is { } record
                ? Results.Json(record, CaseRecordJson.Options, statusCode: 200)
                : NotFound(id))
            .WithSummary("One case record (phones and e-mails only for editors and admins)")
            .Produces<CaseRecord>().ProducesProblem(404);

        cases.MapGet("/{id}/similar", async (string id, int? count, VisibleCases cases, CancellationToken ct) =>
            await cases.GetAsync(id, ct) is null
                ? NotFound(id)
                : Results.Ok(await cases.MoreLikeThisAsync(id, Math.Clamp(count ?? 5, 1, MaxSimilar), ct)))
            .WithSummary("The cases most like this one")
            .Produces<IReadOnlyList<SearchHit>>().ProducesProblem(404);

        cases.MapGet("/{id}/pages/{page:int}/image", async (string id, int page, VisibleCases cases, PageImageStore images,
                CancellationToken ct) =>
            {
                var record = await cases.GetAsync(id, ct);
                if (record is null)
                {
                    return NotFound(id);
                }

                if (page < 1 || page > record.Pages.Count)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound,
                        title: $"案例 {id} 没有第 {page} 张盖章页（共 {record.Pages.Count} 张）。");
                }

                var image = await images.OpenAsync(record, record.Pages[page - 1], ct);
                return image is null
                    ? Results.Problem(statusCode: 404, title: "包存储中没有这一页的图像。")
                    : Results.File(image.Bytes, image.ContentType);
            })
            .WithSummary("The image of a signature page (1-based over the record's pages) from the package store")
            .Produces(200, contentType: "image/jpeg").ProducesProblem(404);

        cases.MapPut("/{id}/review/type", async (string id, ConfirmTypeRequest request, ClaimsPrincipal user,
                CaseReviewService reviews, CancellationToken ct) =>
            ReviewResults.ToApiResult(await reviews.ConfirmTypeAsync(id, request.ConfirmedType, user, ct), id))
            .RequireAuthorization(Policies.ConfirmType)
            .WithSummary("A reviewer confirms or corrects the case type (review.confirmedType)")
            .Produces<ReviewSection>().ProducesProblem(400).ProducesProblem(404);

        cases.MapPut("/{id}/shortlist", async (string id, ShortlistRequest request, ClaimsPrincipal user,
                CaseReviewService reviews, CancellationToken ct) =>
            ReviewResults.ToApiResult(await reviews.ShortlistAsync(id, request.Rating, request.Note, user, ct), id))
            .RequireAuthorization(Policies.Casebook)
            .WithSummary("An editor shortlists the case with a rating (1–5) and a note")
            .Produces<ReviewSection>().ProducesProblem(400).ProducesProblem(404);

        cases.MapDelete("/{id}/shortlist", async (string id, ClaimsPrincipal user, CaseReviewService reviews, CancellationToken ct) =>
            ReviewResults.ToApiResult(await reviews.RemoveFromShortlistAsync(id, user, ct), id))
            .RequireAuthorization(Policies.Casebook)
            .WithSummary("An editor takes the case off the shortlist")
            .Produces<ReviewSection>().ProducesProblem(404);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"案例 {id} 不存在。");
}
