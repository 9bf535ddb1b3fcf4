using CaseIngest.Search.Audit;
using CaseIngest.Search.History;
using CaseIngest.Search.Tests.Behaviour;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.People;

/// <summary>The audit trail and the record history as each backend keeps them: what every implementation must do.</summary>
public abstract class PeopleStoresBehaviour : IAsyncLifetime
{
    private static CancellationToken None => CancellationToken.None;

    protected IAuditStore Audit { get; set; } = null!;

    protected IRecordHistory History { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>A second store over the same data, as another process or a restart makes it.</summary>
    protected abstract IAuditStore Reopen();

    private static AuditEvent Event(string id, string what, string? before = "a") => new()
    {
        SubmissionId = id, Actor = "wang.li", Role = "reviewer", At = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(8)),
        What = what, Subject = "no_toc｜目录", Before = before, After = "dismissed：已核对", Revision = 3, PackageVersion = 2,
    };

    [BackendFact]
    public async Task Audit_EventsOfSeveralChanges_ListPerCaseInOrderAndExportAll()
    {
        await Audit.AppendAsync([Event("A", "one"), Event("B", "two")], None);
        await Audit.AppendAsync([Event("A", "three", before: null)], None);

        var a = await Audit.ListAsync("A", None);
        var all = new List<AuditEvent>();
        await foreach (var e in Audit.ReadAllAsync(None))
        {
            all.Add(e);
        }

        Assert.Equal(["one", "three"], a.Select(e => e.What));
        Assert.Equal(["one", "two", "three"], all.Select(e => e.What));
        Assert.True(all[0].Sequence < all[1].Sequence && all[1].Sequence < all[2].Sequence);
        Assert.Equal(Event("A", "three", before: null) with { Sequence = a[1].Sequence }, a[1]);
        Assert.Empty(await Audit.ListAsync("NOPE", None));
    }

    [BackendFact]
    public async Task Audit_TwoStoresAppendingAtOnce_LoseNothingAndNeverShareASequence()
    {
        var other = Reopen();

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 10; i++) await Audit.AppendAsync([Event("A", "first" + i), Event("A", "first" + i + "b")], None); }),
            Task.Run(async () => { for (var i = 0; i < 10; i++) await other.AppendAsync([Event("A", "second" + i)], None); }));

        var events = await Audit.ListAsync("A", None);
        Assert.Equal(30, events.Count);
        Assert.Equal(30, events.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(30, (await other.ListAsync("A", None)).Count);
    }

    private static CaseIngest.Abstractions.Records.CaseRecord Version(string id, string title, string text, int version)
    {
        var record = TestRecords.Case(id, title, text);
        record.PackageVersion = version;
        return record;
    }

    [BackendFact]
    public async Task History_KeptVersions_ListOldestFirstAndTheSameVersionAgainReplaces()
    {
        await History.KeepAsync(Version("A", "甲", "第二版", 2), None);
        await History.KeepAsync(Version("A", "甲", "第一版", 1), None);
        await History.KeepAsync(Version("A", "甲", "第一版（重存）", 1), None);
        await History.KeepAsync(Version("B", "乙", "别的", 1), None);

        var kept = await History.ListAsync("A", None);

        Assert.Equal([1, 2], kept.Select(r => r.PackageVersion));
        Assert.Equal(["第一版（重存）", "第二版"], kept.Select(r => r.Report!.Text));
    }
}
