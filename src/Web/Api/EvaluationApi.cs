using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Api;

/// <summary>The evaluation's exports: every expert's score sheet (admin), the ranking per type and a case's summary
/// (editors and admins).</summary>
internal static class EvaluationApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var evaluation = api.MapGroup("/evaluation").WithTags("evaluation");

        evaluation.MapGet("/sheets.xlsx", async (EvaluationRanking ranking, CancellationToken ct) =>
            {
                var cases = await ranking.ListAsync(ct);
                using var buffer = new MemoryStream();
                await EvaluationSpreadsheets.WriteSheetsAsync(buffer, cases, ct);
                return Results.File(buffer.ToArray(), CasebookApi.XlsxContentType, "专家评分表.xlsx");
            })
            .RequireAuthorization(Policies.EvaluationAdmin)
            .WithSummary("Every expert's score sheet: a sheet per expert, a row per case and 二级指标 (score, note, submitted)");

        evaluation.MapGet("/ranking.xlsx", async (EvaluationRanking ranking, CancellationToken ct) =>
            {
                var ranked = await ranking.RankAsync(selectedOnly: false, ct);
                using var buffer = new MemoryStream();
                await EvaluationSpreadsheets.WriteRankingAsync(buffer, ranked, ct);
                return Results.File(buffer.ToArray(), CasebookApi.XlsxContentType, "专家评审排名.xlsx");
            })
            .RequireAuthorization(Policies.EvaluationResults)
            .WithSummary("The ranking per type by the experts' submitted sheets: a sheet per type");

        api.MapGet("/cases/{id}/evaluation.docx", async (string id, VisibleCases visible, IOptions<EvaluationOptions> options, TimeProvider clock,
                CancellationToken ct) =>
            await visible.GetAsync(id, ct) is { } record
                ? Results.File(EvaluationDocument.Create(EvaluatedCase.Of(record, options.Value), clock.GetUtcNow()), CasebookApi.DocxContentType,
                    EvaluationDocument.FileName(id))
                : Results.Problem(statusCode: 404, title: $"案例 {id} 不存在。"))
            .WithTags("evaluation")
            .RequireAuthorization(Policies.EvaluationResults)
            .WithSummary("A case's evaluation summary (.docx): means, spreads, points to discuss, evidence quotes, the experts' notes");
    }
}
