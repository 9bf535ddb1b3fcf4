using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Stage;
using CaseIngest.Editions.Tests.Support;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using static CaseIngest.Editions.Tests.Support.EditionRecords;

namespace CaseIngest.Editions.Tests.Stage;

/// <summary>The edition stage over editions the tests build: records saved to a real Lucene index, the stage run directly.</summary>
public sealed class GeneratedEditionTests
{
    /// <summary>12 packages of one recommender, saved in an order unlike their submission times: the two submitted last
    /// are over the quota of 10, whatever their ids or the order they arrived in.</summary>
    [Fact]
    public async Task TwelvePackagesOfOneRecommender_TheTwoSubmittedLastAreOverQuota()
    {
        await using var host = new EditionTestHost();
        // P01 is submitted last and P12 first: submission time decides, not the id.
        var records = Enumerable.Range(1, 12).Select(i => Make($"P{i:D2}", "广东省企业联合会", July1.AddHours(13 - i))).ToArray();
        await host.SaveAsync(records.Reverse().ToArray());

        var result = await host.CheckAsync();

        Assert.Equal(12, result.Cases);
        Assert.Equal(["P01", "P02"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
        var finding = (await host.GetAsync("P01")).Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(EditionStage.PluginName, finding.Plugin);
        Assert.Equal(12, finding.Measured); // its place
        Assert.Equal(10, finding.Limit);
        Assert.Equal("推荐单位：广东省企业联合会；名额：10 件；本件排第 12 位", finding.Evidence);
        Assert.Contains("第 12 位", finding.Message, StringComparison.Ordinal);
        Assert.Contains("提交于 2026-07-01 21:00", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.NeedsReview, (await host.GetAsync("P01")).Verdict);
        Assert.Equal(Verdict.Accepted, (await host.GetAsync("P03")).Verdict);
        Assert.Equal("广东省企业联合会", (await host.GetAsync("P03")).RecommenderNormalized);
    }

    [Fact]
    public async Task SameSubmissionTime_TheIdDecidesTheOrder()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 11).Select(i => Make($"Q{i:D2}", "广东省企业联合会", July1)).ToArray());

        await host.CheckAsync();

        Assert.Equal(["Q11"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
    }

    [Fact]
    public async Task SubmittedAfterTheClose_IsLate_AndWithoutATime_IsUnknownNeverLate()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(
            Make("ON-TIME", "广东省企业联合会", EditionTestHost.Closing.AddMinutes(-1)),
            Make("AT-CLOSE", "广东省企业联合会", EditionTestHost.Closing),
            Make("LATE", "广东省企业联合会", EditionTestHost.Closing.AddMinutes(90)),
            Make("NO-TIME", "广东省企业联合会", submittedAt: null));

        await host.CheckAsync();

        var codes = await host.EditionCodesAsync();
        Assert.Equal("", codes["ON-TIME"]);
        Assert.Equal("", codes["AT-CLOSE"]);
        Assert.Equal(FindingCodes.LateSubmission, codes["LATE"]);
        Assert.Equal(FindingCodes.SubmittedAtUnknown, codes["NO-TIME"]);
        var late = (await host.GetAsync("LATE")).Findings.Single(f => f.Code == FindingCodes.LateSubmission);
        Assert.Equal(Severity.Error, late.Severity);
        Assert.Contains("2026-08-01 01:30", late.Evidence, StringComparison.Ordinal);
        Assert.Equal(Verdict.Rejected, (await host.GetAsync("LATE")).Verdict);
        Assert.Equal(Verdict.Accepted, (await host.GetAsync("NO-TIME")).Verdict); // info only
    }

    [Fact]
    public async Task AMemberUnitsDirectSubmission_NeedsNoRecommenderBlock_AndCountsAgainstItsQuotaOfFive()
    {
        await using var host = new EditionTestHost();
        // The member recommends four cases and submits two of its own: six against a quota of five.
        var recommended = Enumerable.Range(1, 4).Select(i => Make($"M{i}", "华源智造集团有限公司", July1.AddHours(i))).ToArray();
        var byManifest = Make("OWN-1", "华源智造集团有限公司", July1.AddHours(5), direct: true, findings: NoRecommenderBlock());
        var selfNamed = Make("OWN-2", "华源智造", July1.AddHours(6), applicant: "华源智造集团有限公司", findings: NoRecommenderBlock());
        await host.SaveAsync([.. recommended, byManifest, selfNamed]);

        await host.CheckAsync();

        foreach (var id in new[] { "OWN-1", "OWN-2" })
        {
            var record = await host.GetAsync(id);
            Assert.Contains(record.Findings, f => f.Code == FindingCodes.DirectSubmission && f.Severity == Severity.Info);
            Assert.DoesNotContain(record.Findings, f => f.Code is FindingCodes.MissingRecommenderStamp or FindingCodes.MissingField);
            Assert.Equal(3, record.SuppressedFindings.Count);
            Assert.Equal("华源智造集团有限公司", record.RecommenderNormalized);
        }

        Assert.Equal(Verdict.Accepted, (await host.GetAsync("OWN-1")).Verdict);
        Assert.Equal(Verdict.NeedsReview, (await host.GetAsync("OWN-2")).Verdict); // the sixth: over the member's quota
        Assert.Equal(["OWN-2"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
        Assert.Contains("名额 5 件", (await host.GetAsync("OWN-2")).Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonMembersClaimOfDirectSubmission_KeepsTheRecommenderFindings_AndIsUnknown()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Make("SELF", null, July1, applicant: "某某科技有限公司", direct: true, findings: NoRecommenderBlock()));

        await host.CheckAsync();

        var record = await host.GetAsync("SELF");
        Assert.Equal(FindingCodes.RecommenderUnknown, (await host.EditionCodesAsync())["SELF"]);
        Assert.Contains(record.Findings, f => f.Code == FindingCodes.MissingRecommenderStamp);
        Assert.Empty(record.SuppressedFindings);
        Assert.Equal(Verdict.Rejected, record.Verdict);
    }

    [Fact]
    public async Task AnUnknownRecommender_IsFlagged_AndKeepsItsRawName()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Make("U1", "  广州市企业联合会 ", July1), Make("U2", null, July1), Make("K1", "广东企联", July1));

        await host.CheckAsync();

        Assert.Equal(["U1", "U2"], await host.WithCodeAsync(FindingCodes.RecommenderUnknown));
        var unknown = await host.GetAsync("U1");
        Assert.Equal("广州市企业联合会", unknown.RecommenderNormalized);
        Assert.Equal("  广州市企业联合会 ", unknown.Recommender);
        Assert.Contains("广州市企业联合会", unknown.Findings.Single(f => f.Code == FindingCodes.RecommenderUnknown).Message, StringComparison.Ordinal);
        var known = await host.GetAsync("K1");
        Assert.Equal("广东企联", known.Recommender);
        Assert.Equal("广东省企业联合会", known.RecommenderNormalized);
    }

    /// <summary>Aliases of one unit count against one quota: 11 submissions under five spellings of 广东省企业联合会.</summary>
    [Fact]
    public async Task AliasesShareOneQuota()
    {
        await using var host = new EditionTestHost();
        string[] spellings = ["广东省企业联合会", "广东省企业家协会", "广东企联", "广东省企业联合会/企业家协会", "广东省企业联合会（广东省企业家协会）"];
        await host.SaveAsync(Enumerable.Range(1, 11).Select(i => Make($"A{i:D2}", spellings[i % spellings.Length], July1.AddMinutes(i))).ToArray());

        await host.CheckAsync();

        Assert.Equal(["A11"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
        Assert.Empty(await host.WithCodeAsync(FindingCodes.RecommenderUnknown));
    }

    [Fact]
    public async Task AWithdrawnPackage_FreesItsPlace_AndAResubmissionMovesToTheEnd()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 12).Select(i => Make($"W{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();
        Assert.Equal(["W11", "W12"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));

        // W03 withdrawn: W11 is tenth now; W12 alone is over.
        await host.Repository.UpdateManyAsync(["W03"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(2), By = "admin" }; return RecordUpdate.Written; },
            CancellationToken.None);
        await host.CheckAsync();
        Assert.Equal(["W12"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
        Assert.Equal("", (await host.EditionCodesAsync())["W03"]);

        // W05 resubmitted after everyone else: it is now the eleventh, W12 the tenth.
        await host.SaveAsync(Make("W05", "广东省企业联合会", July1.AddDays(3)));
        await host.CheckAsync();
        Assert.Equal(["W05"], await host.WithCodeAsync(FindingCodes.RecommenderOverQuota));
        Assert.Equal(Verdict.Accepted, (await host.GetAsync("W12")).Verdict);
    }

    [Fact]
    public async Task ASecondRun_WritesNothing()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 12).Select(i => Make($"I{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        var first = await host.CheckAsync();
        var before = await host.EditionCodesAsync();

        var second = await host.CheckAsync();

        Assert.Equal(12, first.Written.Count); // every record gets recommenderNormalized; two get findings
        Assert.Empty(second.Written);
        Assert.Equal(before, await host.EditionCodesAsync());
    }

    /// <summary>One package more for a unit already over its quota, and one for another unit: only those two records are
    /// written — the other records over the quota name their own place, which did not move.</summary>
    [Fact]
    public async Task OnePackageAdded_WritesOnlyTheRecordsWhoseEditionFindingsMoved()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 30).Select(i => Make($"N{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();

        await host.SaveAsync(Make("N31", "广西壮族自治区企业联合会", July1.AddHours(31)), Make("N32", "广东省企业联合会", July1.AddHours(32)));
        var result = await host.CheckAsync();

        Assert.Equal(["N31", "N32"], result.Written);
        Assert.Equal(1, result.Passes);
        Assert.Equal(21, (await host.WithCodeAsync(FindingCodes.RecommenderOverQuota)).Count);
        Assert.Equal(Verdict.Accepted, (await host.GetAsync("N31")).Verdict);
        Assert.Equal(31d, (await host.GetAsync("N32")).Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota).Measured);
    }

    /// <summary>A reviewer's decision on an edition finding survives the package's resubmission (a new version) and its
    /// reprocessing while the finding still stands: the stage writes the finding after the save, and the repository leaves
    /// decisions on the stage's findings for the stage to confirm.</summary>
    [Fact]
    public async Task AResubmissionAndAReprocessing_KeepTheDecisionOnAnEditionFindingThatStillStands()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Enumerable.Range(1, 11).Select(i => Make($"D{i:D2}", "广东省企业联合会", July1.AddHours(i))).ToArray());
        await host.CheckAsync();
        var over = (await host.GetAsync("D11")).Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota);
        var actor = new ReviewActor("wang.li", "reviewer");
        var decided = await host.Repository.UpdateReviewAsync("D11", new ReviewEdit(actor, null, record =>
        {
            record.Review!.Findings.Add(new FindingDecision
            {
                Code = over.Code, Evidence = over.Evidence, Decision = FindingOutcome.Dismissed, Reason = "推荐单位已报名额调整函", By = actor.Name,
            });
            return ReviewEditResult.Of(new ReviewChange(AuditActions.FindingDecided, AuditValues.Finding(over.Code, over.Evidence), null, "dismissed"));
        }), CancellationToken.None);
        Assert.Equal(ReviewUpdateStatus.Saved, decided.Status);

        // Resubmitted: another package, still the last of its unit, so the finding still stands.
        var resubmitted = Make("D11", "广东省企业联合会", July1.AddHours(12));
        Assert.Equal(SaveOutcome.NewVersion, await host.Repository.SaveAsync(resubmitted, CancellationToken.None));
        await host.CheckAsync();
        await AssertDismissedAsync(host, packageVersion: 2);

        // The same package processed again (recheck): the decision still stands.
        resubmitted.ProcessedAt = resubmitted.ProcessedAt!.Value.AddDays(1);
        Assert.Equal(SaveOutcome.Replaced, await host.Repository.SaveAsync(resubmitted, CancellationToken.None));
        await host.CheckAsync();
        await AssertDismissedAsync(host, packageVersion: 2);

        static async Task AssertDismissedAsync(EditionTestHost host, int packageVersion)
        {
            var record = await host.GetAsync("D11");
            Assert.Equal(packageVersion, record.PackageVersion);
            var finding = record.Findings.Single(f => f.Code == FindingCodes.RecommenderOverQuota);
            Assert.Equal("推荐单位已报名额调整函", ReviewRules.DecisionFor(finding, record.Review)?.Reason);
            Assert.True(ReviewRules.IsDismissed(finding, record.Review));
        }
    }

    [Fact]
    public async Task ADuplicatePair_IsMarkedOnBothRecords_AcrossEditions_AndUnmarkedWhenOneIsWithdrawn()
    {
        await using var host = new EditionTestHost();
        var earlier = Make("OLD-7", "广东省企业联合会", July1.AddYears(-1), edition: 7);
        var detected = new Finding
        {
            Code = FindingCodes.PossibleDuplicate, Severity = Severity.Warning, Message = "正文与提交 OLD-7 几乎相同", Evidence = "相似度 97%",
            Measured = 0.97, Limit = 0.8, Plugin = "DuplicateCheck", Related = ["OLD-7"],
        };
        await host.SaveAsync(earlier, Make("NEW-8", "广东省企业联合会", July1, findings: detected));

        await host.CheckAsync();

        var mirrored = (await host.GetAsync("OLD-7")).Findings.Single(f => f.Code == FindingCodes.PossibleDuplicate);
        Assert.Equal(["NEW-8"], mirrored.Related);
        Assert.Equal(EditionStage.PluginName, mirrored.Plugin);
        Assert.Equal(Verdict.NeedsReview, (await host.GetAsync("OLD-7")).Verdict);
        Assert.Single((await host.GetAsync("NEW-8")).Findings, f => f.Code == FindingCodes.PossibleDuplicate);

        await host.Repository.UpdateManyAsync(["NEW-8"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(1) }; return RecordUpdate.Written; },
            CancellationToken.None);
        await host.CheckAsync();
        Assert.DoesNotContain((await host.GetAsync("OLD-7")).Findings, f => f.Code == FindingCodes.PossibleDuplicate);
        Assert.Equal(Verdict.Accepted, (await host.GetAsync("OLD-7")).Verdict);
    }

    [Fact]
    public async Task AnEditionWithoutFacts_IsLeftAlone()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Make("E6", "不在名录的单位", July1.AddYears(-2), edition: 6));

        var result = await host.CheckAsync(6);

        Assert.False(result.Configured);
        Assert.Equal("", (await host.EditionCodesAsync())["E6"]);
    }
}

/// <summary>The search facet counts recommenders by their normalised name.</summary>
public sealed class RecommenderFacetTests
{
    [Fact]
    public async Task TheRecommenderFacet_CountsAliasesAsOneUnit()
    {
        await using var host = new EditionTestHost();
        await host.SaveAsync(Make("F1", "广东企联", July1), Make("F2", "广东省企业家协会", July1), Make("F3", "广东省企业联合会", July1));
        await host.CheckAsync();

        var result = await host.Index.SearchAsync(new Search.SearchQuery { Limit = 0 }, CancellationToken.None);

        Assert.Equal([new Search.FacetCount("广东省企业联合会", 3)], result.Facets[Search.SearchFacets.Recommender]);
        var filtered = await host.Index.SearchAsync(new Search.SearchQuery { Recommender = "广东省企业联合会" }, CancellationToken.None);
        Assert.Equal(3, filtered.Total);
    }
}
