using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Stage;
using CaseIngest.Editions.Tests.Support;
using CaseIngest.Search;
using static CaseIngest.Editions.Tests.Support.EditionRecords;

namespace CaseIngest.Editions.Tests.Stage;

/// <summary>A check given the submissions that changed reads only their recommenders' records and the duplicate pairs,
/// and leaves every record as a check of the whole edition would: after each change the incremental check runs, then a
/// whole check, which must find nothing to rewrite. On the embedded index, and on Elasticsearch when
/// <c>CASEINGEST_ES_URL</c> names a node (the outlines read through its source filtering and the recommender filter).</summary>
public sealed class IncrementalEditionCheckTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public Task ACheckOfTheChangedSubmissions_LeavesWhatAWholeCheckWould_AfterEveryKindOfChange() =>
        EveryKindOfChangeAsync(SearchBackend.Lucene);

    [ElasticsearchNodeFact]
    public Task ACheckOfTheChangedSubmissions_LeavesWhatAWholeCheckWould_AfterEveryKindOfChange_OnElasticsearch() =>
        EveryKindOfChangeAsync(SearchBackend.Elasticsearch);

    private static async Task EveryKindOfChangeAsync(SearchBackend backend)
    {
        await using var host = new EditionTestHost(backend: backend);
        string[] guangdong = ["广东省企业联合会", "广东企联", "广东省企业家协会"];
        await host.SaveAsync(Enumerable.Range(1, 13).Select(i => Make($"G{i:D2}", guangdong[i % 3], July1.AddHours(i))).ToArray());
        await host.SaveAsync(Enumerable.Range(1, 3).Select(i => Make($"X{i}", "广西企联", July1.AddHours(i))).ToArray());
        await host.SaveAsync(Enumerable.Range(1, 6).Select(i => Make($"H{i}", null, July1.AddHours(i), applicant: "华源智造集团有限公司", direct: true,
            findings: NoRecommenderBlock())).ToArray());
        await host.SaveAsync(Make("U1", "广东省企业协会", July1), Make("L1", "深圳企联", EditionTestHost.Closing.AddHours(5)), Make("T1", "深圳企联", null));
        await host.SaveAsync(Make("OLD-7", "广东省企业联合会", July1.AddYears(-1), edition: 7),
            Make("NEW-8", "深圳市企业联合会", July1, findings: Duplicate("OLD-7")));
        var first = await host.CheckAsync();
        Assert.True(first.Whole);
        var total = first.Cases;

        // One more package of the unit over its quota, submitted before most of them: every place after it moves.
        await ChangedAsync(host, total, [Make("G00", "广东省企业联合会", July1.AddMinutes(90))], "G00");
        Assert.Equal(["G10", "G11", "G12", "G13"], await OverQuotaOfAsync(host, "G"));

        // A resubmission under another unit: it leaves 广东 (found through the version it replaced) and joins 广西.
        await ChangedAsync(host, total, [Make("G03", "广西壮族自治区企业联合会", July1.AddDays(1))], "G03");
        Assert.Equal(["G11", "G12", "G13"], await OverQuotaOfAsync(host, "G"));

        // A member unit's direct submission withdrawn: its sixth fits the quota of five.
        await host.Repository.UpdateManyAsync(["H2"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(2) }; return RecordUpdate.Written; }, None);
        await ChangedAsync(host, total, [], "H2");
        Assert.Empty(await OverQuotaOfAsync(host, "H"));

        // A new package that duplicates an old one, and the earlier pair undone by a resubmission without the duplicate.
        await ChangedAsync(host, total, [Make("D1", "深圳企联", July1.AddDays(3), findings: Duplicate("G05")), Make("NEW-8", "深圳市企业联合会", July1.AddDays(4))],
            "D1", "NEW-8");
        Assert.Equal(["D1", "G05"], await host.WithCodeAsync(FindingCodes.PossibleDuplicate));

        // The unknown recommender resubmitted under a name of the registry; the one without a time resubmitted with one.
        await ChangedAsync(host, total, [Make("U1", "深圳市企业家协会", July1.AddDays(5)), Make("T1", "深圳企联", July1.AddDays(6))], "U1", "T1");
        Assert.Empty(await host.WithCodeAsync(FindingCodes.RecommenderUnknown));
        Assert.Empty(await host.WithCodeAsync(FindingCodes.SubmittedAtUnknown));
        Assert.Equal(["L1"], await host.WithCodeAsync(FindingCodes.LateSubmission));
    }

    [Fact]
    public Task TheFirstCheckInAProcess_ReadsTheWholeEdition_SoAChangedRegistryReachesEveryRecord() => FirstCheckAsync(SearchBackend.Lucene);

    [ElasticsearchNodeFact]
    public Task TheFirstCheckInAProcess_ReadsTheWholeEdition_SoAChangedRegistryReachesEveryRecord_OnElasticsearch() =>
        FirstCheckAsync(SearchBackend.Elasticsearch);

    private static async Task FirstCheckAsync(SearchBackend backend)
    {
        await using var host = new EditionTestHost(backend: backend);
        await host.SaveAsync(Enumerable.Range(1, 3).Select(i => Make($"R{i}", "广东企联", July1.AddHours(i))).ToArray());

        var first = await host.Stage.RunAsync([new TouchedEdition(8, ["R1"])], None);
        var second = await host.Stage.RunAsync([new TouchedEdition(8, ["R1"])], None);

        Assert.True(first.Single().Whole);
        Assert.Equal(["R1", "R2", "R3"], first.Single().Written);
        Assert.False(second.Single().Whole);
        Assert.Empty(second.Single().Written);
    }

    private static async Task ChangedAsync(EditionTestHost host, int editionSize, CaseRecord[] saved, params string[] touched)
    {
        await host.SaveAsync(saved);
        var incremental = (await host.Stage.RunAsync([new TouchedEdition(8, touched)], None)).Single();
        var afterIncremental = await StateAsync(host);

        var whole = await host.CheckAsync();

        Assert.False(incremental.Whole);
        Assert.True(incremental.Read < editionSize, $"read {incremental.Read} of {editionSize}");
        Assert.True(whole.Whole);
        Assert.Empty(whole.Written);
        Assert.Equal(afterIncremental, await StateAsync(host));
    }

    private static async Task<List<string>> OverQuotaOfAsync(EditionTestHost host, string prefix) =>
        (await host.WithCodeAsync(FindingCodes.RecommenderOverQuota)).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static Finding Duplicate(string of) => new()
    {
        Code = FindingCodes.PossibleDuplicate, Severity = Severity.Warning, Message = $"正文与提交 {of} 几乎相同", Evidence = "相似度 96%",
        Measured = 0.96, Limit = 0.8, Plugin = "DuplicateCheck", Related = [of],
    };

    /// <summary>Every record's edition state, field by field, one line each: what the two checks must agree on.</summary>
    private static async Task<string> StateAsync(EditionTestHost host)
    {
        var lines = new List<string>();
        await foreach (var record in host.Index.ReadAllAsync(None))
        {
            var line = new StringBuilder($"{record.SubmissionId} [{record.RecommenderNormalized}] {record.Verdict}:");
            foreach (var f in record.Findings)
            {
                line.Append($" {f.Code}/{f.Plugin}/{f.Severity}/{f.Message}/{f.Evidence}/{f.Measured}/{f.Limit}/{string.Join('+', f.Related ?? [])}");
            }

            line.Append(" | set aside: ").AppendJoin(',', record.SuppressedFindings.Select(f => f.Code));
            lines.Add(line.ToString());
        }

        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }
}
