using System.Net;
using System.Text.Json;
using CaseIngest.Web.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using static CaseIngest.Web.Tests.Evaluation.EvaluationWebAppFixture;

namespace CaseIngest.Web.Tests.Evaluation;

/// <summary>The expert role over HTTP: assignment, what an expert may see, the score sheet's saving, conflicts and
/// submission, the results, 入选 and the casebook's candidates, the exports.</summary>
public sealed class EvaluationApiTests(EvaluationWebAppFixture app) : IClassFixture<EvaluationWebAppFixture>
{
    public static readonly string[] Points =
        ["S1", "S2", "S3", "T1", "T2", "T3", "T4", "O1", "O2", "O3", "O4", "O5", "H1", "H2", "H3", "P1", "P2", "P3", "P4"];

    private async Task AssignAsync()
    {
        using var admin = await app.SignedInAsync(WebAppFixture.Admin);
        var assigned = await PostFormAsync(admin, "/evaluation", "/evaluation/assign", []);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
    }

    [Fact]
    public async Task Expert_SeesOnlyTheAssignedCases_NeverTheConflictedOne_NoSearch_NoContacts()
    {
        await AssignAsync();
        using var erin = await app.SignedInAsync(Erin);

        var list = await erin.Http.GetStringAsync("/expert");
        var conflicted = await erin.Http.GetAsync($"/api/cases/{ConflictedCase}");
        var sheet = await erin.Http.GetAsync($"/expert/cases/{ConflictedCase}");
        var search = await erin.Http.GetAsync("/api/search?q=智能");
        var assigned = await erin.Http.GetStringAsync("/api/cases/D01");

        Assert.Contains("data-id=\"D01\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{ConflictedCase}\"", list, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (conflicted.StatusCode, sheet.StatusCode, search.StatusCode));
        using var record = JsonDocument.Parse(assigned);
        var contact = record.RootElement.GetProperty("form").GetProperty("applicantContact");
        Assert.Equal("（仅编辑与管理员可见）", contact.GetProperty("phone").GetString());
        Assert.Equal(3, record.RootElement.GetProperty("review").GetProperty("evaluation").GetProperty("assignedTo").GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, (await erin.Http.GetAsync("/search")).StatusCode);
    }

    [Fact]
    public async Task ScoreSheet_TwoTabsChangingOnePoint_IsAConflict_TheFirstStands_ThenSubmitNeedsEveryPoint()
    {
        await AssignAsync();
        using var erin = await app.SignedInAsync(Erin);
        // Both tabs opened D01's sheet with S1 empty.
        var first = await PostFormAsync(erin, "/expert/cases/D01", "/expert/cases/D01",
            [new("S1.score", "3"), new("S1.seenScore", ""), new("S1.note", "场景界定清楚"), new("action", "save")]);
        var second = await PostFormAsync(erin, "/expert/cases/D01", "/expert/cases/D01",
            [new("S1.score", "5"), new("S1.seenScore", ""), new("action", "save")]);
        var early = await PostFormAsync(erin, "/expert/cases/D01", "/expert/cases/D01", [new("action", "submit")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("S1 已在别处改为 3：场景界定清楚", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚有 18 项二级指标未打分", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await erin.Http.GetStringAsync("/expert/cases/D01");
        Assert.Contains("已评 1 / 19 项二级指标", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittedSheets_GiveMeansSpreadAndFlag_AdminSelects_CasebookRanksByExpertScore_ExportsCarryThem()
    {
        await AssignAsync();
        using var editor = await app.SignedInAsync(WebAppFixture.Editor);
        Assert.Equal("{}", await editor.Http.GetStringAsync("/api/casebook/candidates"));

        // D02's three experts: Ellen and Emma 3 everywhere, Evan 0 on S2 (a gap of 3 > 2: to discuss).
        var submissions = new (string Expert, Dictionary<string, int>? Except)[] { (Ellen, null), (Emma, null), (Evan, new() { ["S2"] = 0 }) };
        foreach (var (expert, except) in submissions)
        {
            using var client = await app.SignedInAsync(expert);
            var submitted = await PostFormAsync(client, "/expert/cases/D02", "/expert/cases/D02", Sheet(Points, 3, "submit", except));
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        // Experts score independently: each sees only their own scores.
        using (var evan = await app.SignedInAsync(Evan))
        {
            using var view = JsonDocument.Parse(await evan.Http.GetStringAsync("/api/cases/D02"));
            var scores = view.RootElement.GetProperty("review").GetProperty("evaluation").GetProperty("scores").EnumerateArray().ToList();
            Assert.Equal(19, scores.Count);
            Assert.All(scores, s => Assert.Equal(Evan, s.GetProperty("expert").GetString()));
        }

        using var admin = await app.SignedInAsync(WebAppFixture.Admin);
        var results = await admin.Http.GetStringAsync("/evaluation");
        Assert.Contains("<td class=\"disputed\">S2</td>", results, StringComparison.Ordinal);
        var selected = await PostFormAsync(admin, "/evaluation", "/cases/D02/selected", [new("selected", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);

        using var candidates = JsonDocument.Parse(await editor.Http.GetStringAsync("/api/casebook/candidates"));
        var only = Assert.Single(candidates.RootElement.GetProperty("业务融合创新类").EnumerateArray());
        Assert.Equal("D02", only.GetProperty("submissionId").GetString());
        Assert.Equal(3, only.GetProperty("experts").GetInt32());
        Assert.Equal(["S2"], only.GetProperty("disputed").EnumerateArray().Select(p => p.GetString()));

        using var ranking = new MemoryStream(await editor.Http.GetByteArrayAsync("/api/evaluation/ranking.xlsx"));
        var row = Assert.Single(ranking.Query(useHeaderRow: true, sheetName: "业务融合创新类").Cast<IDictionary<string, object>>());
        Assert.Equal(("D02", "是", "S2"), (row["编号"].ToString(), row["入选"].ToString(), row["需讨论的二级指标"].ToString()));

        using var sheets = new MemoryStream(await admin.Http.GetByteArrayAsync("/api/evaluation/sheets.xlsx"));
        var evansRows = sheets.Query(useHeaderRow: true, sheetName: Evan).Cast<IDictionary<string, object>>().Where(r => r["编号"].ToString() == "D02").ToList();
        Assert.Equal(19, evansRows.Count);
        Assert.Equal("0", evansRows.Single(r => r["二级指标"].ToString()!.StartsWith("S2 ", StringComparison.Ordinal))["评价"].ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.GetAsync("/api/evaluation/sheets.xlsx")).StatusCode);

        using var summary = WordprocessingDocument.Open(new MemoryStream(await editor.Http.GetByteArrayAsync("/api/cases/D02/evaluation.docx")), false);
        var text = summary.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("S2 场景选择的业务逻辑与战略考量：均值 2，极差 3，专家意见不一，需讨论", text, StringComparison.Ordinal);
        Assert.Contains("“", text, StringComparison.Ordinal);
    }
}
