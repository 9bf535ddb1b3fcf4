using System.Text.Json.Nodes;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Web.Tests.Review;

/// <summary>A package returned for correction comes back under the same submission id, through the real ingestion path:
/// the decision on the finding that still stands carries over although its paragraphs moved, the one on the fixed finding
/// falls away, and the case page shows both versions and what changed.</summary>
public sealed class ResubmissionTests(ReviewWebAppFixture app) : IClassFixture<ReviewWebAppFixture>
{
    private const string Id = "R10";

    [Fact]
    public async Task CorrectedPackage_OneFindingFixedOneNot_KeepsTheDecisionOnTheOneThatStands_DropsTheOther()
    {
        using var reviewer = await app.SignedInAsync(WebAppFixture.Reviewer);
        var repository = app.Services.GetRequiredService<ICaseRepository>();
        var work = Path.Combine(app.Root, "resubmission");

        // Version 1: D10 as sent (first person in 二、案例内容, 绩效表现 over 1000 字), under an id of its own.
        var first = CopyPackage("D10", Path.Combine(work, "v1"), "2026-07-11T09:30:00+08:00");
        Assert.Equal(SaveOutcome.Created, await repository.SaveAsync(await app.Pipeline.ProcessAsync(first), CancellationToken.None));
        var v1 = await CaseAsync(reviewer);
        var firstPerson = v1.Findings.Single(f => f.Code == FindingCodes.FirstPerson);
        var tooLong = v1.Findings.Single(f => f.Code == FindingCodes.PerformanceTooLong);
        var decided = await reviewer.SendAsync(HttpMethod.Put, $"/api/cases/{Id}/review/decision", new
        {
            revision = 0,
            findings = new[]
            {
                new { code = firstPerson.Code, evidence = firstPerson.Evidence, decision = "upheld", reason = "多处以“我们”自称" },
                new { code = tooLong.Code, evidence = tooLong.Evidence, decision = "upheld", reason = "绩效表现确实超长" },
            },
            outcome = "returned",
            reason = "请改用第三人称并压缩绩效表现",
        });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());

        // Version 2: 绩效表现 cut below 1000 字, the first person left as it was, and a paragraph added at the top of
        // 二、案例内容, so every quoted paragraph moved one down.
        var corrected = CopyPackage("D10", Path.Combine(work, "v2"), "2026-07-20T09:30:00+08:00");
        CorrectReport(Path.Combine(corrected, "案例报告.docx"));
        Assert.Equal(SaveOutcome.NewVersion, await repository.SaveAsync(await app.Pipeline.ProcessAsync(corrected), CancellationToken.None));

        var v2 = await CaseAsync(reviewer);
        Assert.Equal(2, v2.PackageVersion);
        Assert.DoesNotContain(v2.Findings, f => f.Code == FindingCodes.PerformanceTooLong);
        var stands = v2.Findings.Single(f => f.Code == FindingCodes.FirstPerson);
        Assert.NotEqual(firstPerson.Evidence, stands.Evidence);
        Assert.NotEqual(firstPerson.Location?.Paragraph, stands.Location?.Paragraph);
        var kept = ReviewRules.DecisionFor(stands, v2.Review);
        Assert.NotNull(kept);
        Assert.Equal((FindingOutcome.Upheld, WebAppFixture.Reviewer, "多处以“我们”自称"), (kept.Decision, kept.By, kept.Reason));
        Assert.Single(v2.Review!.Findings);
        Assert.Null(v2.Review.Decision);
        Assert.True(ReviewRules.WaitsForPerson(v2));

        // The trail says what the system did with the new version.
        var trail = JsonNode.Parse(await reviewer.Http.GetStringAsync($"/api/cases/{Id}/audit"))!.AsArray();
        var system = trail.Where(e => (string)e!["role"]! == "system").Select(e => $"{(string)e!["what"]!}:{(string?)e["subject"] ?? ""}").ToList();
        Assert.Equal(3, system.Count);
        Assert.StartsWith("version.new:", system[0], StringComparison.Ordinal);
        Assert.StartsWith("finding.cleared:performance_too_long｜", system[1], StringComparison.Ordinal);
        Assert.StartsWith("package.reopened:", system[2], StringComparison.Ordinal);

        // The case page shows both versions and what changed: the fixed finding gone, the standing one neither gone nor new.
        var page = await reviewer.Http.GetStringAsync($"/cases/{Id}");
        var versions = page[page.IndexOf("<details id=\"versions\"", StringComparison.Ordinal)..];
        versions = versions[..versions.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("data-version=\"1\"", versions, StringComparison.Ordinal);
        Assert.Contains("data-version=\"2\"", versions, StringComparison.Ordinal);
        Assert.Contains("已改正：<b>绩效表现超过 1000 字</b>", versions, StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"first_person\"", versions, StringComparison.Ordinal);
        var api = JsonNode.Parse(await reviewer.Http.GetStringAsync($"/api/cases/{Id}/versions"))!.AsArray();
        Assert.Equal([1, 2], api.Select(v => (int)v!["version"]!));
        Assert.Equal(["performance_too_long"], api[1]!["findingsGone"]!.AsArray().Select(f => (string)f!["code"]!));
    }

    private async Task<CaseRecord> CaseAsync(AppClient client) =>
        CaseRecordJson.Deserialize(await client.Http.GetStringAsync($"/api/cases/{Id}"));

    /// <summary>A copy of a corpus package folder sent as <see cref="Id"/> at the given time.</summary>
    private static string CopyPackage(string corpusId, string folder, string submittedAt)
    {
        var target = Path.Combine(folder, Id);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(TestPaths.CorpusPackage(corpusId)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(target, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["submissionId"] = Id;
        json["submittedAt"] = submittedAt;
        File.WriteAllText(manifest, json.ToJsonString());
        return target;
    }

    /// <summary>What the applicant changed: three paragraphs of 三、绩效表现 cut, a paragraph in the same style added right
    /// after the 二、案例内容 heading.</summary>
    private static void CorrectReport(string report)
    {
        using var document = WordprocessingDocument.Open(report, isEditable: true);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        string[] cut = ["此外，项目还带来了明显的管理效益", "三是社会效益明显", "五是行业竞争力不断增强"];
        var removed = paragraphs.Where(p => cut.Any(c => p.InnerText.StartsWith(c, StringComparison.Ordinal))).ToList();
        Assert.Equal(cut.Length, removed.Count);
        removed.ForEach(p => p.Remove());

        var heading = paragraphs.Single(p => p.InnerText == "二、案例内容");
        var model = paragraphs.SkipWhile(p => p != heading).First(p => p.InnerText.Length > 40);
        var added = (Paragraph)model.CloneNode(deep: true);
        added.Elements<Run>().Skip(1).ToList().ForEach(r => r.Remove());
        var run = added.Elements<Run>().First();
        run.Elements<Text>().Skip(1).ToList().ForEach(t => t.Remove());
        run.GetFirstChild<Text>()!.Text = "国衡数智的咨询团队由战略规划、数据治理和智能技术三类专业人员组成，按项目组建跨专业小组。";
        heading.InsertAfterSelf(added);
    }
}
