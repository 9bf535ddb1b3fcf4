using System.Net;
using System.Text.Json;
using CaseIngest.Web.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;

namespace CaseIngest.Web.Tests.Api;

public sealed class CasebookAndIntakeApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/api/casebook/shortlist")]
    [InlineData("/api/casebook/candidates")]
    [InlineData("/api/casebook/shortlist.xlsx")]
    [InlineData("/api/casebook/shortlist.docx")]
    [InlineData("/casebook")]
    public async Task Casebook_Reviewer_IsForbidden(string path)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var response = await client.Http.GetAsync(path);

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/intake")]
    [InlineData("/api/intake/verdicts.xlsx")]
    public async Task Intake_Editor_Returns403(string path)
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ShortlistExports_TwoShortlistedCases_ListBothBestRatedFirst()
    {
        using var editor = await app.SignedInAsync(WebAppFixture.Editor);
        await app.JudgeCompliantAsync("D01", "D05");
        await editor.SendAsync(HttpMethod.Put, "/api/cases/D01/shortlist", new { rating = 3, note = "家电制造代表" });
        await editor.SendAsync(HttpMethod.Put, "/api/cases/D05/shortlist", new { rating = 5, note = "装备创新标杆" });

        using var list = JsonDocument.Parse(await editor.Http.GetStringAsync("/api/casebook/shortlist"));
        var xlsx = await editor.Http.GetAsync("/api/casebook/shortlist.xlsx");
        var docx = await editor.Http.GetAsync("/api/casebook/shortlist.docx");

        Assert.Equal(["D05", "D01"], list.RootElement.EnumerateArray().Select(e => e.GetProperty("submissionId").GetString()));
        Assert.Equal("0551-65862317", list.RootElement[1].GetProperty("contactPhone").GetString());

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["D05", "D01"], rows.Select(r => r["编号"].ToString()));
        Assert.Equal("装备创新标杆", rows[0]["备注"].ToString());
        Assert.Equal("5", rows[0]["评分"].ToString());

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("人工智能驱动家电全链条智能制造与服务", text, StringComparison.Ordinal);
        Assert.Contains("装备创新标杆", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("装备创新标杆", StringComparison.Ordinal) < text.IndexOf("家电制造代表", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WebAppFixture.Reviewer)]
    [InlineData(WebAppFixture.Admin)]
    public async Task Intake_ReviewerOrAdmin_CountsVerdictsPerEditionAndListsFailures(string user)
    {
        using var client = await app.SignedInAsync(user);

        using var summary = JsonDocument.Parse(await client.Http.GetStringAsync("/api/intake"));

        var root = summary.RootElement;
        Assert.Equal(16, root.GetProperty("total").GetInt64());
        var editions = root.GetProperty("editions").EnumerateArray().ToDictionary(e => e.GetProperty("edition").GetInt32());
        Assert.Equal(15, editions[8].GetProperty("total").GetInt64());
        Assert.Equal(1, editions[7].GetProperty("total").GetInt64());
        var verdicts8 = editions[8].GetProperty("verdicts");
        Assert.Equal(1, verdicts8.GetProperty("failed").GetInt64());
        Assert.Equal(15, verdicts8.EnumerateObject().Sum(v => v.Value.GetInt64()));
        var failure = Assert.Single(root.GetProperty("latestFailures").EnumerateArray());
        Assert.Equal(WebAppFixture.FailedId, failure.GetProperty("submissionId").GetString());
        var reason = failure.GetProperty("reasons")[0];
        Assert.Equal(("package_unreadable", "申报包无法读取"), (reason.GetProperty("code").GetString(), reason.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("deadLetterCount").ValueKind);
        var page = await client.Http.GetStringAsync("/intake");
        Assert.Contains("<strong id=\"dead-letters\">无法统计（未接入消息队列）</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-recommender=\"江苏省企业联合会\">", page, StringComparison.Ordinal);
        // People read the finding's name, not its code.
        Assert.Contains("<li data-code=\"package_unreadable\">申报包无法读取：压缩包已损坏", page, StringComparison.Ordinal);
        var jiangsu = editions[8].GetProperty("recommenders").EnumerateArray().Single(r => r.GetProperty("recommender").GetString() == "江苏省企业联合会");
        Assert.Equal(3, jiangsu.GetProperty("submitted").GetInt64());
        Assert.Equal(3, jiangsu.GetProperty("withinQuota").GetInt64());
    }

    [Fact]
    public async Task VerdictExport_Admin_HasEveryPackageAndEveryFinding()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);

        var response = await client.Http.GetAsync("/api/intake/verdicts.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["申报包", "问题清单", "推荐单位名额"], workbook.GetSheetNames());
        var quotas = workbook.Query(useHeaderRow: true, sheetName: "推荐单位名额").Cast<IDictionary<string, object>>().ToList();
        var jiangsu = quotas.Single(q => q["推荐单位"].ToString() == "江苏省企业联合会" && q["届次"].ToString() == "8");
        Assert.Equal(["3", "3", "0", "0"], new[] { "已报送", "名额内", "超出名额", "逾期提交" }.Select(k => jiangsu[k].ToString()));
        var packages = workbook.Query(useHeaderRow: true, sheetName: "申报包").Cast<IDictionary<string, object>>().ToList();
        var findings = workbook.Query(useHeaderRow: true, sheetName: "问题清单").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(16, packages.Count);
        var d12 = packages.Single(p => p["编号"].ToString() == "D12");
        Assert.Equal("rejected", d12["结论代码"].ToString());
        Assert.Contains("no_toc", d12["问题代码"].ToString(), StringComparison.Ordinal);
        Assert.Equal(3, findings.Count(f => f["编号"].ToString() == "D12" && f["代码"].ToString() != "rubric_point_missing"));
        Assert.Contains(findings, f => f["编号"].ToString() == "D12" && f["代码"].ToString() == "rubric_point_missing");
        Assert.DoesNotContain(packages, p => p.Values.Any(v => v?.ToString()?.Contains('@', StringComparison.Ordinal) == true));
    }
}
