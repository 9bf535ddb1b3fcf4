using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;
using CaseIngest.Search.History;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Api;

/// <summary>The compliance review's API: the queue, decisions, reopening, accepting the machine's verdict, the audit
/// trail, versions, the final lists and the 补正通知.</summary>
internal static class ReviewApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var review = api.MapGroup("/review").WithTags("review");
        var cases = api.MapGroup("/cases").WithTags("review");

        review.MapGet("/queue", async ([AsParameters] QueueFilter filter, ClaimsPrincipal user, ReviewQueue queue,
                IOptions<ReviewOptions> options, CancellationToken ct) =>
            Results.Ok(await queue.PageAsync(filter, options.Value.QueuePageSize, user.IsInRole(Roles.Admin), ct)))
            .RequireAuthorization(Policies.Browse)
            .WithSummary("What waits for a person (needs_review, rejected, accepted; failed too for admins), filtered, with counts per state");

        cases.MapPut("/{id}/review/decision", async (string id, DecisionRequest request, ClaimsPrincipal user,
                ComplianceReviewService reviews, CancellationToken ct) =>
            ReviewResults.ToApiResult(await reviews.DecideAsync(id, request.Findings ?? [],
                request.Outcome is { } outcome ? new PackageDecisionInput(outcome, request.Reason) : null, user, request.Revision, ct), id))
            .RequireAuthorization(Policies.ReviewDecide)
            .WithSummary("Decide on findings (upheld / dismissed with a reason) and, with outcome, on the package; revision: the one seen (409 when it moved on)")
            .Produces<ReviewSection>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        cases.MapPost("/{id}/review/reopen", async (string id, ReopenRequest request, ClaimsPrincipal user,
                ComplianceReviewService reviews, CancellationToken ct) =>
            ReviewResults.ToApiResult(await reviews.ReopenAsync(id, request.Reason, user, request.Revision, ct), id))
            .RequireAuthorization(Policies.ReviewAdmin)
            .WithSummary("An admin takes back a package's decision: it waits for a person again")
            .Produces<ReviewSection>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        review.MapPost("/accept-machine", async (AcceptMachineRequest request, ClaimsPrincipal user, ComplianceReviewService reviews,
                CancellationToken ct) =>
            {
                var results = new List<AcceptMachineResult>();
                foreach (var id in request.Cases.Distinct(StringComparer.Ordinal))
                {
                    var outcome = await reviews.AcceptMachineVerdictAsync(id, user, null, ct);
                    results.Add(new AcceptMachineResult(id, outcome.Record?.Review?.Decision?.Outcome is { } o ? CaseRecordJson.Name(o) : null,
                        outcome.Missing ? "案例不存在。" : outcome.Error));
                }

                return Results.Ok(results);
            })
            .RequireAuthorization(Policies.ReviewDecide)
            .WithSummary("Accept the machine's verdict for these cases: accepted → compliant, rejected → non_compliant; others are left with the reason");

        cases.MapGet("/{id}/audit", async (string id, IAuditStore audit, VisibleCases visible, CancellationToken ct) =>
            Results.Ok(await visible.AuditAsync(audit, id, ct)))
            .WithSummary("The case's audit trail: who, role, when, what, before → after");

        cases.MapGet("/{id}/versions", async (string id, IRecordHistory history, VisibleCases visible, CancellationToken ct) =>
            {
                var earlier = await history.ListAsync(id, ct);
                var current = await visible.GetAsync(id, ct);
                return current is null ? Results.Problem(statusCode: 404, title: $"案例 {id} 不存在。")
                    : Results.Ok(PackageVersions.Of([.. earlier.Select(visible.Visible), current]));
            })
            .WithSummary("Every package version of the case with the findings that came and went");

        review.MapGet("/audit.jsonl", async (HttpContext http, IAuditStore audit, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/x-ndjson; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.jsonl\"";
                await foreach (var e in audit.ReadAllAsync(ct))
                {
                    await http.Response.WriteAsync(JsonSerializer.Serialize(e, CaseRecordJson.Options) + "\n", Encoding.UTF8, ct);
                }
            })
            .RequireAuthorization(Policies.ReviewAdmin)
            .WithSummary("Every audit event, oldest first, as JSON Lines");

        review.MapGet("/lists.xlsx", async (VisibleCases visible, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await FinalLists.WriteAsync(buffer, visible.ReadAllAsync(ct), ct);
                return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "合规性审查名单.xlsx");
            })
            .RequireAuthorization(Policies.ReviewDecide)
            .WithSummary("The final lists: 合规名单 per type, returned, non-compliant (with reasons), undecided apart");

        cases.MapGet("/{id}/notice.docx", async (string id, VisibleCases visible, IOptions<ReviewOptions> options, TimeProvider clock,
                CancellationToken ct) =>
            {
                var record = await visible.GetAsync(id, ct);
                if (record is null || !CorrectionNotice.Applies(record))
                {
                    return Results.Problem(statusCode: 404, title: $"案例 {id} 不存在或未被退回补正。");
                }

                return Results.File(CorrectionNotice.Create(record, options.Value.NoticeIssuer, options.Value.NoticeResubmitTo, clock.GetUtcNow()),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CorrectionNotice.FileName(record));
            })
            .RequireAuthorization(Policies.ReviewAdmin)
            .WithSummary("The 补正通知 of a returned package (.docx)");

        review.MapGet("/notices.zip", async (string recommender, VisibleCases visible, IOptions<ReviewOptions> options, TimeProvider clock,
                CancellationToken ct) =>
            {
                var records = new List<CaseRecord>();
                await foreach (var record in visible.ReadAllAsync(ct))
                {
                    if (string.Equals(CorrectionNotice.RecommenderOf(record), recommender, StringComparison.Ordinal))
                    {
                        records.Add(record);
                    }
                }

                return Results.File(CorrectionNotice.Archive(records, options.Value.NoticeIssuer, options.Value.NoticeResubmitTo, clock.GetUtcNow()),
                    "application/zip", CorrectionNotice.ArchiveName(recommender));
            })
            .RequireAuthorization(Policies.ReviewAdmin)
            .WithSummary("The 补正通知 of one recommender's returned packages, in one zip");
    }
}

/// <summary>Body of PUT /api/cases/{id}/review/decision.</summary>
internal sealed record DecisionRequest(long? Revision, IReadOnlyList<FindingDecisionInput>? Findings, PackageOutcome? Outcome, string? Reason);

/// <summary>Body of POST /api/cases/{id}/review/reopen.</summary>
internal sealed record ReopenRequest(long? Revision, string? Reason);

/// <summary>Body of POST /api/review/accept-machine.</summary>
internal sealed record AcceptMachineRequest(IReadOnlyList<string> Cases);

/// <summary>What accepting the machine's verdict did to one case: the outcome, or why not.</summary>
internal sealed record AcceptMachineResult(string SubmissionId, string? Outcome, string? Error);
