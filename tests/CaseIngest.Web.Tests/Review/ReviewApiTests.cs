using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Review;
using CaseIngest.Web.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseIngest.Web.Tests.Review;

/// <summary>The compliance review through the API over sample packages the real pipeline processed: a reviewer works
/// through the queue, an admin reopens one; the state that counts, the lists, the notice and the audit trail follow, and
/// a reprocessing of every package (ingestion path and recheck, real plugins) plus a reindex leave all of it intact.</summary>
public sealed class ReviewApiTests(ProcessedReviewAppFixture app) : IClassFixture<ProcessedReviewAppFixture>
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<CaseRecord> CaseAsync(AppClient client, string id) =>
        CaseRecordJson.Deserialize(await client.Http.GetStringAsync($"/api/cases/{id}"));

    private static object Decision(long revision, string? outcome, string? reason, params object[] findings) =>
        new { revision, findings, outcome, reason };

    [Fact]
    public async Task Reviewer_WorksThroughTheQueue_AdminReopens_EverythingFollowsAndSurvivesReindexAndReprocessing()
    {
        using var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer);
        using var admin = await app.SignedInAsync(WebAppFixture.Admin);

        var queue = await JsonAsync(await reviewer.Http.GetAsync("/api/review/queue"));
        var ids = queue["hits"]!.AsArray().Select(h => (string)h!["submissionId"]!).ToList();
        Assert.True(ids.Count >= 3, "the sample packages wait for a person");
        var records = new List<CaseRecord>();
        foreach (var id in ids)
        {
            records.Add(await CaseAsync(reviewer, id));
        }

        // A: a finding dismissed with a reason, then compliant. B: non_compliant. C: returned, its errors upheld.
        var a = records.First(r => r.Findings.Any(f => f.Severity != Severity.Info && ReviewRules.CanBeDismissed(f.Code)));
        var dismissed = a.Findings.First(f => f.Severity != Severity.Info && ReviewRules.CanBeDismissed(f.Code));
        var rest = records.Where(r => r.SubmissionId != a.SubmissionId).ToList();
        var c = rest.FirstOrDefault(r => r.Findings.Any(f => f.Severity == Severity.Error && ReviewRules.CanBeDismissed(f.Code))) ?? rest[0];
        var b = rest.First(r => r.SubmissionId != c.SubmissionId);

        var dismiss = await JsonAsync(await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{a.SubmissionId}/review/decision",
            Decision(0, null, null, new { code = dismissed.Code, evidence = dismissed.Evidence, decision = "dismissed", reason = "证据为引文，非本单位自述" })));
        Assert.Equal(1, (long)dismiss["revision"]!);
        await JsonAsync(await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{a.SubmissionId}/review/decision", Decision(1, "compliant", null)));
        await JsonAsync(await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{b.SubmissionId}/review/decision", Decision(0, "non_compliant", "缺推荐单位公章")));
        await JsonAsync(await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{c.SubmissionId}/review/decision", Decision(0, "returned", "请按通知补正")));

        // A reviewer cannot change a decision; an admin reopens it.
        var again = await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{b.SubmissionId}/review/decision", Decision(1, "compliant", null));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.SendAsync(HttpMethod.Post, $"/api/cases/{b.SubmissionId}/review/reopen", new { revision = 1, reason = "x" })).StatusCode);
        await JsonAsync(await admin.SendAsync(HttpMethod.Post, $"/api/cases/{b.SubmissionId}/review/reopen", new { revision = 1, reason = "公章在第二页，需复核" }));

        async Task AssertAllOfItAsync()
        {
            var caseA = await CaseAsync(reviewer, a.SubmissionId);
            Assert.Equal(ReviewState.Compliant, ReviewRules.StateOf(caseA));
            Assert.True(ReviewRules.IsDismissed(caseA.Findings.First(f => f.Code == dismissed.Code && f.Evidence == dismissed.Evidence), caseA.Review));
            Assert.Equal(ReviewState.Returned, ReviewRules.StateOf(await CaseAsync(reviewer, c.SubmissionId)));
            var caseB = await CaseAsync(reviewer, b.SubmissionId);
            Assert.True(ReviewRules.WaitsForPerson(caseB));

            // The queue and its counts follow.
            var after = await JsonAsync(await reviewer.Http.GetAsync("/api/review/queue"));
            var waiting = after["hits"]!.AsArray().Select(h => (string)h!["submissionId"]!).ToList();
            Assert.DoesNotContain(a.SubmissionId, waiting);
            Assert.DoesNotContain(c.SubmissionId, waiting);
            Assert.Contains(b.SubmissionId, waiting);
            Assert.Equal(1, (long)after["counts"]!["compliant"]!);
            Assert.Equal(1, (long)after["counts"]!["returned"]!);

            // The lists follow.
            var xlsx = await reviewer.Http.GetByteArrayAsync("/api/review/lists.xlsx");
            using var book = new MemoryStream(xlsx);
            var sheets = MiniExcel.GetSheetNames(book);
            var compliantSheet = sheets.Single(s => s.StartsWith("合规名单-", StringComparison.Ordinal));
            Assert.Equal([a.SubmissionId], Ids(book, compliantSheet));
            Assert.Equal([c.SubmissionId], Ids(book, FinalLists.ReturnedSheet));
            Assert.DoesNotContain(b.SubmissionId, Ids(book, FinalLists.NonCompliantSheet));
            Assert.Contains(b.SubmissionId, Ids(book, FinalLists.UndecidedSheet));

            // The audit trail lists each step with the right person.
            var trailA = await JsonAsync(await reviewer.Http.GetAsync($"/api/cases/{a.SubmissionId}/audit"));
            Assert.Equal(["finding.decided:rita:reviewer", "package.decided:rita:reviewer"], Steps(trailA));
            Assert.Contains("dismissed：证据为引文", (string)trailA[0]!["after"]!, StringComparison.Ordinal);
            var trailB = await JsonAsync(await reviewer.Http.GetAsync($"/api/cases/{b.SubmissionId}/audit"));
            var packageSteps = trailB.AsArray().Where(e => ((string)e!["what"]!).StartsWith("package.", StringComparison.Ordinal)).ToList();
            Assert.Equal(["package.decided:rita:reviewer", "package.reopened:ada:admin"], Steps(new JsonArray([.. packageSteps.Select(e => e!.DeepClone())])));
            Assert.Equal("non_compliant：缺推荐单位公章", (string)packageSteps[1]!["before"]!);
        }

        await AssertAllOfItAsync();

        // Every package processed again through the ingestion path with the real plugins, the checks run again as
        // `caseingest recheck` runs them, then a reindex: nothing of it is lost.
        var repository = app.Services.GetRequiredService<ICaseRepository>();
        var index = app.Services.GetRequiredService<ISearchIndex>();
        foreach (var id in app.CorpusIds)
        {
            var before = await index.GetAsync(id, CancellationToken.None);
            var processed = await app.Pipeline.ProcessAsync(TestPaths.CorpusPackage(id));
            Assert.True(processed.ProcessedAt > before!.ProcessedAt, $"{id} was processed again");
            Assert.Null(processed.Review);
            Assert.Equal(SaveOutcome.Replaced, await repository.SaveAsync(processed, CancellationToken.None));
        }

        await AssertAllOfItAsync();
        foreach (var id in app.CorpusIds)
        {
            var rechecked = await app.Pipeline.RecheckAsync((await index.GetAsync(id, CancellationToken.None))!);
            Assert.Equal(SaveOutcome.Replaced, await repository.SaveAsync(rechecked, CancellationToken.None));
        }

        await app.Services.GetRequiredService<ISearchIndexMaintenance>().ReindexAsync(CancellationToken.None);
        await AssertAllOfItAsync();

        // The notice of the returned package: a paragraph per upheld finding, no dismissed one, the recipients' names.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync($"/api/cases/{c.SubmissionId}/notice.docx")).StatusCode);
        var docx = await admin.Http.GetByteArrayAsync($"/api/cases/{c.SubmissionId}/notice.docx");
        var returned = CaseRecordJson.Deserialize(await admin.Http.GetStringAsync($"/api/cases/{c.SubmissionId}"));
        var upheld = FinalLists.UpheldFindings(returned);
        Assert.NotEmpty(upheld);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var findingParagraphs = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == CorrectionNotice.FindingStyle).Select(p => p.InnerText).ToList();
        Assert.Equal(upheld.Count, findingParagraphs.Count);
        Assert.All(upheld.Zip(findingParagraphs), pair => Assert.Contains(pair.First.Message, pair.Second, StringComparison.Ordinal));
        var text = string.Join("\n", paragraphs.Select(p => p.InnerText));
        Assert.Contains(returned.Form!.Applicant!, text, StringComparison.Ordinal);
        Assert.Contains(returned.Form.Recommender!, text, StringComparison.Ordinal);
        if (returned.Form.ApplicantContact?.Name is { Length: > 0 } contactName)
        {
            Assert.Contains(contactName, text, StringComparison.Ordinal);
        }

        var zip = await admin.Http.GetAsync($"/api/review/notices.zip?recommender={Uri.EscapeDataString(CorrectionNotice.RecommenderOf(returned))}");
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(CorrectionNotice.FileName(returned), archive.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task TwoPeopleChangeOneCase_TheSecondGetsAConflict_AndNothingIsLost()
    {
        using var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer);
        using var admin = await app.SignedInAsync(WebAppFixture.Admin);
        // The failed package: no reviewer's queue holds it, so the workflow test's counts do not see it.
        var id = WebAppFixture.FailedId;
        var seen = (await CaseAsync(reviewer, id)).Review?.Revision ?? 0;
        Assert.Equal(seen, (await CaseAsync(admin, id)).Review?.Revision ?? 0);

        var first = await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{id}/review/decision", Decision(seen, "non_compliant", "正文字数不足"));
        var second = await admin.SendAsync(HttpMethod.Put, $"/api/cases/{id}/review/decision", Decision(seen, "compliant", null));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await JsonAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = second.Content });
        Assert.Equal(seen + 1, (long)problem["revision"]!);
        Assert.Contains("已被他人修改", (string)problem["title"]!, StringComparison.Ordinal);
        var stored = await CaseAsync(admin, id);
        Assert.Equal(PackageOutcome.NonCompliant, stored.Review!.Decision!.Outcome);
        Assert.Equal("正文字数不足", stored.Review.Decision.Reason);
        var trail = await JsonAsync(await admin.Http.GetAsync($"/api/cases/{id}/audit"));
        Assert.Equal(["package.decided:rita:reviewer"], Steps(trail).Where(s => s.StartsWith("package.", StringComparison.Ordinal)));
    }

    private static List<string> Steps(JsonNode trail) =>
        [.. trail.AsArray().Select(e => $"{(string)e!["what"]!}:{(string)e["actor"]!}:{(string)e["role"]!}")];

    private static List<string> Ids(Stream book, string sheet)
    {
        book.Position = 0;
        return [.. MiniExcel.Query(book, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => r["编号"]?.ToString() ?? "").Where(id => id.Length > 0 && id != "（无）")];
    }
}
