using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Casebook;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Api;

internal static class CasebookApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(IEndpointRouteBuilder api)
    {
        var casebook = api.MapGroup("/casebook").WithTags("casebook").RequireAuthorization(Policies.Casebook);

        casebook.MapGet("/shortlist", async (ShortlistQuery shortlist, CancellationToken ct) =>
                Results.Ok((await shortlist.ListAsync(ct)).Select(ShortlistEntry.From)))
            .WithSummary("The shortlisted cases, best rated first")
            .Produces<IEnumerable<ShortlistEntry>>();

        casebook.MapGet("/candidates", async (int? perType, CandidateRanking ranking, CancellationToken ct) =>
                Results.Ok(await ranking.RankAsync(Math.Clamp(perType ?? 10, 1, 100), ct)))
            .WithSummary("Ranked candidates per type: compliant, strong figures in 绩效表现, confident type")
            .Produces<IReadOnlyDictionary<string, IReadOnlyList<Candidate>>>();

        casebook.MapGet("/shortlist.xlsx", async (ShortlistQuery shortlist, CancellationToken ct) =>
            {
                var records = await shortlist.ListAsync(ct);
                using var buffer = new MemoryStream();
                await ShortlistSpreadsheet.WriteAsync(buffer, records, ct);
                return Results.File(buffer.ToArray(), XlsxContentType, "案例集入选候选.xlsx");
            })
            .WithSummary("The shortlist as an Excel workbook")
            .Produces(200, contentType: XlsxContentType);

        casebook.MapGet("/shortlist.docx", async (ShortlistQuery shortlist, TimeProvider clock, CancellationToken ct) =>
            {
                var records = await shortlist.ListAsync(ct);
                return Results.File(ShortlistDocument.Create(records, clock.GetLocalNow()), DocxContentType, "案例集入选候选.docx");
            })
            .WithSummary("The shortlist as a Word document")
            .Produces(200, contentType: DocxContentType);
    }
}

/// <summary>A shortlisted case as the API lists it.</summary>
internal sealed record ShortlistEntry(string SubmissionId, string Title, string? Applicant, string? Type, string Verdict,
    int Rating, string? Note, string? By, DateTimeOffset? At, string? ContactName, string? ContactPhone, string? ContactEmail)
{
    public static ShortlistEntry From(Abstractions.Records.CaseRecord r) => new(r.SubmissionId, CaseFacts.Title(r), r.Form?.Applicant,
        CaseFacts.EffectiveType(r), CaseRecordJson.Name(r.Verdict), r.Review!.Shortlist!.Rating, r.Review.Shortlist.Note,
        r.Review.Shortlist.By, r.Review.Shortlist.At, r.Form?.ApplicantContact?.Name, r.Form?.ApplicantContact?.Phone,
        r.Form?.ApplicantContact?.Email);
}
