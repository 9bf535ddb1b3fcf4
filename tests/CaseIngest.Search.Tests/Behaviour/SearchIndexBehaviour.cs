using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>What every search backend must do. Each backend derives a class that makes its index; the facts run once per
/// backend.</summary>
public abstract class SearchIndexBehaviour : SearchBackendTests
{
    private static CancellationToken None => CancellationToken.None;

    [BackendFact]
    public async Task Upsert_SameSubmissionTwice_LeavesOneDocument()
    {
        await Index.UpsertAsync([TestRecords.Case("A", "零售供应链智能预测", "第一稿")], None);
        await Index.UpsertAsync([TestRecords.Case("A", "零售供应链智能预测", "第二稿 港口")], None);

        var all = await Index.SearchAsync(new SearchQuery(), None);
        var stored = await Index.GetAsync("A", None);

        Assert.Equal(1, all.Total);
        Assert.Equal("第二稿 港口", stored!.Report!.Text);
    }

    [BackendFact]
    public async Task Search_PhraseAndScatteredBigrams_RanksPhraseFirst()
    {
        await Index.UpsertAsync([
            TestRecords.Case("SCATTERED", "案例甲", "推进供应商管理，应链接上下游，链协作与协同办公。"),
            TestRecords.Case("PHRASE", "案例乙", "建设供应链协同平台。"),
            TestRecords.Case("NONE", "案例丙", "港口无线专网。"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "供应链协同" }, None);

        Assert.Equal(["PHRASE", "SCATTERED"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_QuotedPhrase_MatchesOnlyAdjacentText()
    {
        await Index.UpsertAsync([
            TestRecords.Case("SCATTERED", "案例甲", "推进供应商管理，应链接上下游，链协作与协同办公。"),
            TestRecords.Case("PHRASE", "案例乙", "建设供应链协同平台。"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "\"供应链协同\"" }, None);

        Assert.Equal(["PHRASE"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_TitleAndBodyMatch_RanksTitleFirst()
    {
        await Index.UpsertAsync([
            TestRecords.Case("BODY", "港口专网建设", "企业以智能排产提升效率。"),
            TestRecords.Case("TITLE", "离散制造智能排产", "企业建设了港口专网。"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "智能排产" }, None);

        Assert.Equal("TITLE", result.Hits[0].SubmissionId);
        Assert.Equal(2, result.Total);
    }

    [BackendFact]
    public async Task Search_SingleCharacter_FindsCasesHoldingIt()
    {
        await Index.UpsertAsync([
            TestRecords.Case("PORT", "案例甲", "辽宁港口集团。"),
            TestRecords.Case("OTHER", "案例乙", "零售连锁。"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "港" }, None);

        Assert.Equal(["PORT"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_EverySeveralParts_MustAllMatch()
    {
        await Index.UpsertAsync([
            TestRecords.Case("BOTH", "案例甲", "港口专网与工业互联网。"),
            TestRecords.Case("ONE", "案例乙", "港口装卸。"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "港口 互联网" }, None);

        Assert.Equal(["BOTH"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_Filters_NarrowToMatchingValues()
    {
        await Index.UpsertAsync([
            TestRecords.Case("A", "智能制造甲", "智能制造", type: "解决方案类", verdict: Verdict.Rejected, edition: 7, recommender: "江苏省企业联合会",
                findings: ["too_short"], rating: 4),
            TestRecords.Case("B", "智能制造乙", "智能制造", type: "经营管理类", verdict: Verdict.Accepted, edition: 8),
            TestRecords.Case("C", "智能制造丙", "智能制造", type: "解决方案类", verdict: Verdict.NeedsReview, edition: 8,
                submittedAt: new DateTimeOffset(2026, 7, 30, 0, 0, 0, TimeSpan.Zero)),
        ], None);

        async Task<string[]> IdsAsync(SearchQuery query) =>
            (await Index.SearchAsync(query with { Text = "智能制造" }, None)).Hits.Select(h => h.SubmissionId).Order().ToArray();

        Assert.Equal(["A", "C"], await IdsAsync(new SearchQuery { Type = "解决方案类" }));
        Assert.Equal(["C"], await IdsAsync(new SearchQuery { Verdict = "needs_review" }));
        Assert.Equal(["B", "C"], await IdsAsync(new SearchQuery { Edition = 8 }));
        Assert.Equal(["A"], await IdsAsync(new SearchQuery { Recommender = "江苏省企业联合会" }));
        Assert.Equal(["A"], await IdsAsync(new SearchQuery { FindingCode = "too_short" }));
        Assert.Equal(["A"], await IdsAsync(new SearchQuery { MinRating = 3 }));
        Assert.Equal(["C"], await IdsAsync(new SearchQuery { SubmittedFrom = new DateTimeOffset(2026, 7, 20, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Equal(["C"], await IdsAsync(new SearchQuery { Type = "解决方案类", Edition = 8 }));
    }

    [BackendFact]
    public async Task Search_Facets_CountEveryMatchNotOnlyThePage()
    {
        await Index.UpsertAsync([
            TestRecords.Case("A", "甲", "数字化", type: "解决方案类", verdict: Verdict.Rejected, findings: ["too_short", "no_toc"]),
            TestRecords.Case("B", "乙", "数字化", type: "解决方案类", verdict: Verdict.Accepted, edition: 7),
            TestRecords.Case("C", "丙", "数字化", type: "经营管理类", verdict: Verdict.Accepted, findings: ["no_toc"]),
            TestRecords.Case("D", "丁", "港口", type: "其他", verdict: Verdict.Failed),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "数字化", Limit = 1 }, None);

        Assert.Equal(3, result.Total);
        Assert.Single(result.Hits);
        Assert.Equal([new FacetCount("解决方案类", 2), new FacetCount("经营管理类", 1)], result.Facets[SearchFacets.Type]);
        Assert.Equal([new FacetCount("accepted", 2), new FacetCount("rejected", 1)], result.Facets[SearchFacets.Verdict]);
        Assert.Equal([new FacetCount("8", 2), new FacetCount("7", 1)], result.Facets[SearchFacets.Edition]);
        Assert.Equal([new FacetCount("no_toc", 2), new FacetCount("too_short", 1)], result.Facets[SearchFacets.FindingCode]);
    }

    [BackendFact]
    public async Task Search_NoText_MatchesEveryCaseWithWholeIndexFacets()
    {
        await Index.UpsertAsync([
            TestRecords.Case("A", "甲", "数字化", type: "解决方案类"),
            TestRecords.Case("B", "乙", "港口", type: "其他"),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery(), None);

        Assert.Equal(2, result.Total);
        Assert.Equal(2, result.Facets[SearchFacets.Type].Sum(f => f.Count));
        Assert.All(result.Hits, h => Assert.Empty(h.Highlights));
    }

    [BackendFact]
    public async Task Search_Highlights_MarkMatchesAndEscapeTheRest()
    {
        await Index.UpsertAsync([TestRecords.Case("A", "零售供应链预测", "上下游 <b>供应链</b> & 伙伴协同。")], None);

        var hit = (await Index.SearchAsync(new SearchQuery { Text = "供应链" }, None)).Hits.Single();

        Assert.Equal("零售<em>供应链</em>预测", hit.TitleMarked);
        var body = Assert.Single(hit.Highlights);
        Assert.Contains("&lt;b&gt;<em>供应链</em>&lt;/b&gt; &amp; 伙伴", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
    }

    [BackendFact]
    public async Task Search_ReportScope_NeitherMatchesNorShowsSystemText()
    {
        // GIVEN a report without a 目录 whose finding says so, OCR text and classifier evidence of its own
        var record = TestRecords.Case("A", "智能排产", "一、企业概况\n公司建设了智能排产系统。", findings: ["no_toc"]);
        record.Findings[0].Message = "报告没有目录";
        record.Pages = [new PageInfo { File = "scan.jpg", Page = 1, Text = "推荐单位意见 同意推荐 盖章" }];
        record.Classification = new ClassificationSection { Predicted = "经营管理类", Evidence = ["售后服务"] };
        await Index.UpsertAsync([record, TestRecords.Case("B", "港口专网", "一、企业概况\n目录管理与港口调度。")], None);

        // WHEN 目录 is searched in the report, then in the findings; the OCR and the classifier's words likewise
        var inReport = await Index.SearchAsync(new SearchQuery { Text = "目录" }, None);
        var inFindings = await Index.SearchAsync(new SearchQuery { Text = "目录", Scope = SearchScopes.Findings }, None);
        var inPages = await Index.SearchAsync(new SearchQuery { Text = "同意推荐", Scope = SearchScopes.Pages }, None);
        var byEvidence = await Index.SearchAsync(new SearchQuery { Text = "售后服务", Scope = SearchScopes.Classification }, None);
        var evidenceInReport = await Index.SearchAsync(new SearchQuery { Text = "售后服务" }, None);

        // THEN the report search finds only the report that says it, with its own sentence; each scope finds its own text
        var hit = Assert.Single(inReport.Hits);
        Assert.Equal("B", hit.SubmissionId);
        Assert.Equal(["<em>目录</em>管理与港口调度。"], hit.Highlights);
        var finding = Assert.Single(inFindings.Hits);
        Assert.Equal("A", finding.SubmissionId);
        Assert.Equal(["报告没有<em>目录</em>"], finding.Highlights);
        Assert.Equal("A", Assert.Single(inPages.Hits).SubmissionId);
        Assert.Equal("A", Assert.Single(byEvidence.Hits).SubmissionId);
        Assert.Equal(0, evidenceInReport.Total);
    }

    [BackendFact]
    public async Task Search_ReportScope_TitleIsMarkedNotRepeatedAsSnippet()
    {
        await Index.UpsertAsync([TestRecords.Case("A", "零售供应链智能预测",
            "零售供应链智能预测\n目　录\n一、企业概况\t3\n一、企业概况\n公司以供应链预测为核心……效果显著。")], None);

        var hit = Assert.Single((await Index.SearchAsync(new SearchQuery { Text = "供应链" }, None)).Hits);

        Assert.Equal("零售<em>供应链</em>智能预测", hit.TitleMarked);
        Assert.Equal(["公司以<em>供应链</em>预测为核心……效果显著。"], hit.Highlights);
    }

    [BackendFact]
    public async Task Search_PagingAndSorts_ReturnTheRightSlices()
    {
        var day = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        await Index.UpsertAsync(Enumerable.Range(1, 5).Select(i =>
            TestRecords.Case($"C{i}", "案例" + i, "智能工厂", submittedAt: day.AddDays(i), rating: 6 - i)).ToList(), None);

        var bySubmitted = await Index.SearchAsync(new SearchQuery { Text = "智能工厂", Sort = SearchSorts.SubmittedAt, Offset = 1, Limit = 2 }, None);
        var byRating = await Index.SearchAsync(new SearchQuery { Sort = SearchSorts.Rating, Limit = 2 }, None);

        Assert.Equal(5, bySubmitted.Total);
        Assert.Equal(["C4", "C3"], bySubmitted.Hits.Select(h => h.SubmissionId));
        Assert.Equal(["C1", "C2"], byRating.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task Search_EqualScores_RecentEditionFirst()
    {
        await Index.UpsertAsync([
            TestRecords.Case("OLD", "智能排产", "同一文本", edition: 6),
            TestRecords.Case("NEW", "智能排产", "同一文本", edition: 8),
            TestRecords.Case("MID", "智能排产", "同一文本", edition: 7),
        ], None);

        var result = await Index.SearchAsync(new SearchQuery { Text = "智能排产" }, None);

        Assert.Equal(["NEW", "MID", "OLD"], result.Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task MoreLikeThis_SimilarCases_RanksTheNearestFirstWithoutItself()
    {
        const string Port = "港口无线专网覆盖码头堆场，岸桥远程操控，集装箱自动化装卸，工业互联网平台汇聚港口作业数据。";
        await Index.UpsertAsync([
            TestRecords.Case("SELF", "港口专网甲", Port),
            TestRecords.Case("NEAR", "港口专网乙", Port + "另建设了数字孪生港口。"),
            TestRecords.Case("FAR", "零售预测", "零售门店销量预测与自动补货，供应链协同配送。"),
        ], None);

        var similar = await Index.MoreLikeThisAsync("SELF", 5, None);

        Assert.Equal("NEAR", similar[0].SubmissionId);
        Assert.DoesNotContain(similar, h => h.SubmissionId == "SELF");
    }

    [BackendFact]
    public async Task Delete_IndexedCase_IsGone()
    {
        await Index.UpsertAsync([TestRecords.Case("A", "甲", "港口"), TestRecords.Case("B", "乙", "港口")], None);

        await Index.DeleteAsync(["A"], None);

        Assert.Null(await Index.GetAsync("A", None));
        Assert.Equal(["B"], (await Index.SearchAsync(new SearchQuery { Text = "港口" }, None)).Hits.Select(h => h.SubmissionId));
    }

    [BackendFact]
    public async Task ReadAll_IndexedCases_ReturnsEveryRecordWhole()
    {
        await Index.UpsertAsync(Enumerable.Range(1, 30).Select(i => TestRecords.Case($"R{i:D2}", "案例", "文本" + i)).ToList(), None);

        var all = new List<CaseRecord>();
        await foreach (var record in Index.ReadAllAsync(None))
        {
            all.Add(record);
        }

        Assert.Equal(30, all.Count);
        Assert.Equal("文本7", all.Single(r => r.SubmissionId == "R07").Report!.Text);
    }

    [BackendFact]
    public async Task ReadOutlines_OfAnEditionOrACode_ReturnTheirRecordsWithoutTextsOrReview()
    {
        await Index.UpsertAsync(
        [
            TestRecords.Case("E8-1", "案例", "正文一", edition: 8, findings: ["possible_duplicate"], rating: 4),
            TestRecords.Case("E8-2", "案例", "正文二", edition: 8),
            TestRecords.Case("E7-1", "案例", "正文三", edition: 7, findings: ["possible_duplicate"]),
            TestRecords.Case("E7-2", "案例", "正文四", edition: 7),
        ], None);

        var ofEdition = await ToListAsync(Index.ReadOutlinesAsync(new OutlineFilter(Edition: 8), None));
        var withCode = await ToListAsync(Index.ReadOutlinesAsync(new OutlineFilter(FindingCode: "possible_duplicate"), None));

        Assert.Equal(["E8-1", "E8-2"], ofEdition.Select(r => r.SubmissionId).Order(StringComparer.Ordinal));
        Assert.Equal(["E7-1", "E8-1"], withCode.Select(r => r.SubmissionId).Order(StringComparer.Ordinal));
        var outline = ofEdition.Single(r => r.SubmissionId == "E8-1");
        Assert.Equal("安徽省企业联合会", outline.Recommender);
        Assert.Equal("测试企业E8-1有限公司", outline.Form!.Applicant);
        Assert.Equal(["possible_duplicate"], outline.Findings.Select(f => f.Code));
        Assert.Null(outline.Report);
        Assert.Null(outline.Review);
        Assert.Empty(outline.Form.DeclaredTypes);
    }

    [BackendFact]
    public async Task ReadOutlines_OfARecommender_MatchTheNormalisedNameElseTheNameAsWritten_WithinTheEdition()
    {
        var normalised = TestRecords.Case("N1", "案例", "正文一", recommender: "广东企联");
        normalised.RecommenderNormalized = "广东省企业联合会";
        var asWritten = TestRecords.Case("W1", "案例", "正文二", recommender: "广东省企业联合会");
        var alias = TestRecords.Case("A1", "案例", "正文三", recommender: "广东省企业家协会");
        var otherEdition = TestRecords.Case("E7", "案例", "正文四", edition: 7, recommender: "广东省企业联合会");
        var otherUnit = TestRecords.Case("G1", "案例", "正文五", recommender: "广西壮族自治区企业联合会", findings: ["recommender_over_quota"]);
        await Index.UpsertAsync([normalised, asWritten, alias, otherEdition, otherUnit], None);

        var ofUnit = await ToListAsync(Index.ReadOutlinesAsync(new OutlineFilter(Edition: 8, Recommender: "广东省企业联合会"), None));
        var ofUnitAndCode = await ToListAsync(Index.ReadOutlinesAsync(
            new OutlineFilter(Edition: 8, FindingCode: "recommender_over_quota", Recommender: "广西壮族自治区企业联合会"), None));

        Assert.Equal(["N1", "W1"], ofUnit.Select(r => r.SubmissionId).Order(StringComparer.Ordinal));
        Assert.Equal("广东企联", ofUnit.Single(r => r.SubmissionId == "N1").Recommender);
        Assert.Equal(["G1"], ofUnitAndCode.Select(r => r.SubmissionId));
    }

    private static async Task<List<CaseRecord>> ToListAsync(IAsyncEnumerable<CaseRecord> records)
    {
        var list = new List<CaseRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    [BackendFact]
    public async Task Reindex_WhileSearching_NoQueryFailsAndNothingIsLost()
    {
        await Index.UpsertAsync(Enumerable.Range(1, 200).Select(i => TestRecords.Case($"R{i:D3}", "智能工厂" + i, "港口专网与智能工厂 " + i)).ToList(), None);
        var maintenance = (ISearchIndexMaintenance)Index;
        var reindex = Task.Run(() => maintenance.ReindexAsync(None));
        var searches = 0;
        var failures = new List<Exception>();

        // Search without pause until the reindex is done, then a few more on the new version.
        while (!reindex.IsCompleted || searches < 5)
        {
            try
            {
                var result = await Index.SearchAsync(new SearchQuery { Text = "智能工厂", Limit = 3 }, None);
                Assert.Equal(200, result.Total);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }

            searches++;
        }

        var outcome = await reindex;
        Assert.Empty(failures);
        Assert.Equal(200, outcome.Documents);
        Assert.Equal(200, (await Index.SearchAsync(new SearchQuery(), None)).Total);
        await Index.UpsertAsync([TestRecords.Case("AFTER", "案例", "重建之后")], None);
        Assert.NotNull(await Index.GetAsync("AFTER", None));
    }
}
