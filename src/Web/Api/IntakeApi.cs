using CaseIngest.Web.Cases;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Exports;
using CaseIngest.Web.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Api;

internal static class IntakeApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var intake = api.MapGroup("/intake").WithTags("intake").RequireAuthorization(Policies.Intake);

        intake.MapGet("", async (int? failures, IntakeSummaryQuery summary, CancellationToken ct) =>
                Results.Ok(await summary.GetAsync(Math.Clamp(failures ?? 10, 1, 100), ct)))
            .WithSummary("Verdict counts per edition, the latest failed packages, the dead-letter queue size (null: n/a)")
            .Produces<IntakeSummary>();

        intake.MapGet("/verdicts.xlsx", async (VisibleCases cases, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await VerdictSpreadsheet.WriteAsync(buffer, cases.ReadAllAsync(ct), ct);
                return Results.File(buffer.ToArray(), CasebookApi.XlsxContentType, "申报包审查结论.xlsx");
            })
            .WithSummary("Every package's verdict and findings, for the review meeting")
            .Produces(200, contentType: CasebookApi.XlsxContentType);
    }
}
