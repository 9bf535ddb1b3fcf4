using System.Net;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Web.Tests.Api;

public sealed class CaseApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task GetCase_Reviewer_HidesPhonesAndEmails()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var record = await GetRecordAsync(client, "D01");

        Assert.Equal("孙立群", record.Form!.ApplicantContact!.Name);
        Assert.Equal(ContactRedaction.Hidden, record.Form.ApplicantContact.Phone);
        Assert.Equal(ContactRedaction.Hidden, record.Form.RecommenderContact!.Email);
        var page = await client.Http.GetStringAsync("/cases/D01");
        Assert.DoesNotContain("0551-65862317", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sunliqun@lantingdq.com", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebAppFixture.Editor)]
    [InlineData(WebAppFixture.Admin)]
    public async Task GetCase_EditorOrAdmin_ShowsPhonesAndEmails(string user)
    {
        using var client = await app.SignedInAsync(user);

        var record = await GetRecordAsync(client, "D01");

        Assert.Equal("0551-65862317", record.Form!.ApplicantContact!.Phone);
        Assert.Equal("sunliqun@lantingdq.com", record.Form.ApplicantContact.Email);
        Assert.Contains("0551-65862317", await client.Http.GetStringAsync("/cases/D01"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_UnreadablePackage_ShowsTheFindingWithoutFormOrReport()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);

        var response = await client.Http.GetAsync("/cases/" + WebAppFixture.FailedId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("未能读取申报表", page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"package_unreadable\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_ChineseQuery_RendersHitsFacetsAndPager()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var page = await client.Http.GetStringAsync("/search?q=" + Uri.EscapeDataString("智能") + "&pageSize=5&sort=submittedAt");

        Assert.Contains("<ul data-facet=\"type\">", page, StringComparison.Ordinal);
        Assert.Contains("<ul data-facet=\"verdict\">", page, StringComparison.Ordinal);
        Assert.Contains("<em>", page, StringComparison.Ordinal);
        Assert.Contains("下一页", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"submittedAt\" selected>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_Unknown_Returns404()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/cases/NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/cases/NOPE")).StatusCode);
    }

    [Fact]
    public async Task Similar_ResubmittedReport_FindsItsTwinAndNotItself()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        using var hits = JsonDocument.Parse(await client.Http.GetStringAsync("/api/cases/D03/similar?count=3"));

        var ids = hits.RootElement.EnumerateArray().Select(h => h.GetProperty("submissionId").GetString()).ToList();
        Assert.DoesNotContain("D03", ids);
        Assert.Equal("D11", ids[0]);
    }

    [Theory]
    [InlineData("D01")] // a folder package
    [InlineData("D05")] // a zip with GBK names under a top folder
    public async Task PageImage_PackageInStore_ServesTheJpeg(string id)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.Http.GetAsync($"/api/cases/{id}/pages/1/image");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    [Theory]
    [InlineData("D02", 1)] // a PDF signature page: boxes only
    [InlineData("D04", 1)] // the package is not in the store
    [InlineData("D01", 2)] // no second page
    public async Task PageImage_NotAvailable_Returns404(string id, int page)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/cases/{id}/pages/{page}/image")).StatusCode);
    }

    [Fact]
    public async Task CasePage_ImageInStore_DrawsSealBoxesOverTheImage()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var withImage = await client.Http.GetStringAsync("/cases/D01");
        var boxesOnly = await client.Http.GetStringAsync("/cases/D04");

        Assert.Contains("<image href=\"/api/cases/D01/pages/1/image\"", withImage, StringComparison.Ordinal);
        Assert.Contains("class=\"seal\" data-block=\"applicant\" x=\"700\" y=\"500\" width=\"360\" height=\"360\"", withImage, StringComparison.Ordinal);
        Assert.DoesNotContain("<image ", boxesOnly, StringComparison.Ordinal);
        Assert.Contains("class=\"seal\" data-block=\"recommender\"", boxesOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_ShowsIndicatorsWithGrowthFindingsOutlineAndSimilar()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var page = await client.Http.GetStringAsync("/cases/D12");

        // 主营业务收入 and the rest, 2024 against 2025, with growth.
        Assert.Contains("<th>增长</th>", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>主营业务收入</td><td>[\d,\.]+</td><td>[\d,\.]+</td><td>[+-]\d+\.\d%</td>", page);
        Assert.Contains("data-code=\"no_toc\"", page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"multiple_types_ticked\"", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"l1\">一、企业概况</li>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"similar\"", page, StringComparison.Ordinal);
        Assert.Contains("/cases/D07", page, StringComparison.Ordinal); // D07 and D12 share a report
    }

    [Fact]
    public async Task ConfirmType_Reviewer_SavesConfirmedType()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D11/review/type", new { confirmedType = "经营管理类" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await GetRecordAsync(client, "D11");
        Assert.Equal("经营管理类", record.Review!.ConfirmedType);
        Assert.Equal(WebAppFixture.Reviewer, record.Review.ConfirmedBy);
        Assert.NotNull(record.Review.ConfirmedAt);
    }

    [Fact]
    public async Task ConfirmType_NoticeSpelling_IsNormalizedToTheFormLabel()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D07/review/type", new { confirmedType = "新型数字基础设施建设类" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("新型数字基础设施类", (await GetRecordAsync(client, "D07")).Review!.ConfirmedType);
    }

    [Fact]
    public async Task ConfirmType_Editor_Returns403AndChangesNothing()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D05/review/type", new { confirmedType = "其他" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await GetRecordAsync(client, "D05")).Review?.ConfirmedType);
    }

    [Fact]
    public async Task ConfirmType_UnknownType_Returns400()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D05/review/type", new { confirmedType = "区块链类" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConfirmType_UnknownCase_Returns404()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/NOPE/review/type", new { confirmedType = "其他" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConfirmType_WithoutAntiforgeryHeader_Returns400AndChangesNothing()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D06/review/type", new { confirmedType = "其他" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await GetRecordAsync(client, "D06")).Review?.ConfirmedType);
    }

    [Fact]
    public async Task Shortlist_Editor_SavesRatingAndNote()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);
        await app.JudgeCompliantAsync("D09");

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D09/shortlist", new { rating = 5, note = "港口调度成效突出" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shortlist = (await GetRecordAsync(client, "D09")).Review!.Shortlist!;
        Assert.Equal(5, shortlist.Rating);
        Assert.Equal("港口调度成效突出", shortlist.Note);
        Assert.Equal(WebAppFixture.Editor, shortlist.By);
    }

    [Fact]
    public async Task Shortlist_Reviewer_Returns403()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var put = await client.SendAsync(HttpMethod.Put, "/api/cases/D08/shortlist", new { rating = 3 });
        var delete = await client.SendAsync(HttpMethod.Delete, "/api/cases/D08/shortlist");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Null((await GetRecordAsync(client, "D08")).Review?.Shortlist);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Shortlist_RatingOutOfRange_Returns400(int rating)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        var response = await client.SendAsync(HttpMethod.Put, "/api/cases/D08/shortlist", new { rating });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Shortlist_Delete_TakesTheCaseOff()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);
        await app.JudgeCompliantAsync("D03");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Put, "/api/cases/D03/shortlist", new { rating = 2 })).StatusCode);

        var response = await client.SendAsync(HttpMethod.Delete, "/api/cases/D03/shortlist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await GetRecordAsync(client, "D03")).Review!.Shortlist);
    }

    [Fact]
    public async Task Shortlist_RejectedOrUndecidedCase_IsRefusedWithTheReason()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        var rejected = await client.SendAsync(HttpMethod.Put, "/api/cases/D10/shortlist", new { rating = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("合规", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await GetRecordAsync(client, "D10")).Review?.Shortlist);
    }

    [Fact]
    public async Task Review_CaseReprocessedAndReindexed_Survives()
    {
        // GIVEN a reviewer's confirmation and an editor's shortlist on D13
        using var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer);
        using var editor = await app.SignedInAsync(WebAppFixture.Editor);
        await reviewer.SendAsync(HttpMethod.Put, "/api/cases/D13/review/type", new { confirmedType = "解决方案类" });
        await app.JudgeCompliantAsync("D13");
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(HttpMethod.Put, "/api/cases/D13/shortlist", new { rating = 4, note = "复审后保留" })).StatusCode);

        // WHEN the pipeline processes the package again (a record without review) and the index is rebuilt
        var reprocessed = CorpusRecords.Load("D13", 30);
        Assert.Null(reprocessed.Review);
        Assert.Equal(SaveOutcome.Replaced, await app.Services.GetRequiredService<ICaseRepository>().SaveAsync(reprocessed, CancellationToken.None));
        await app.Services.GetRequiredService<ISearchIndexMaintenance>().ReindexAsync(CancellationToken.None);

        // THEN what people wrote is still there, and the new processing is what the case shows
        var record = await GetRecordAsync(editor, "D13");
        Assert.Equal("解决方案类", record.Review!.ConfirmedType);
        Assert.Equal(4, record.Review.Shortlist!.Rating);
        Assert.Equal("复审后保留", record.Review.Shortlist.Note);
        Assert.Equal(reprocessed.SubmittedAt, record.SubmittedAt);
    }

    [Fact]
    public async Task ConfirmTypeForm_ReviewerPostsThePageForm_RedirectsAndSaves()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);
        var token = await client.FormTokenAsync("/cases/D14");

        var response = await client.Http.PostAsync("/cases/D14/type", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confirmedType"] = "业务融合创新类",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("业务融合创新类", (await GetRecordAsync(client, "D14")).Review!.ConfirmedType);
    }

    [Fact]
    public async Task ShortlistForm_ReviewerPosts_IsForbidden()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);
        var token = await client.FormTokenAsync("/cases/D04");

        var response = await client.Http.PostAsync("/cases/D04/shortlist", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["rating"] = "5",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null((await GetRecordAsync(client, "D04")).Review?.Shortlist);
    }

    private static async Task<CaseRecord> GetRecordAsync(AppClient client, string id)
    {
        var response = await client.Http.GetAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CaseRecordJson.Deserialize(await response.Content.ReadAsStringAsync());
    }
}
