using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.StructureChecks.Tests.Corpus;

public sealed class CorpusTests : IDisposable
{
    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in TestPaths.CorpusIds.Concat(TestPaths.CorpusExtraIds))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusPackage_FindsExactlyTheExpectedReportCodes(string id)
    {
        var package = CorpusPackage.Load(id);
        var record = await _harness.RunAsync(package.ExtractReport(_folder), package.Form);

        var found = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).ToHashSet();
        var expected = package.ExpectedCodes(StepHarness.ReportCodes);
        Assert.True(expected.SetEquals(found),
            $"{id}: expected [{string.Join(", ", expected)}] found [{string.Join(", ", found)}]\n" +
            string.Join("\n", record.Findings.Select(f => $"{f.Code}: {f.Message} | {f.Evidence}")));
        Assert.All(record.Findings, f => Assert.Equal("edition-8", f.RuleSet));
        // Whose a finding is, the host says (the pipeline runner stamps it), not the plugin.
        Assert.All(record.Findings, f => Assert.Null(f.Plugin));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusPackage_CountsWithinOnePercent(string id)
    {
        var package = CorpusPackage.Load(id);
        var report = (await _harness.RunAsync(package.ExtractReport(_folder), package.Form)).Report!;

        AssertWithinOnePercent(package.ExpectedInt("bodyWordCount"), report.BodyWordCount, "bodyWordCount");
        AssertWithinOnePercent(package.ExpectedNullableInt("overviewWordCount"), report.OverviewWordCount, "overviewWordCount");
        AssertWithinOnePercent(package.ExpectedNullableInt("contentWordCount"), report.ContentWordCount, "contentWordCount");
        AssertWithinOnePercent(package.ExpectedNullableInt("performanceWordCount"), report.PerformanceWordCount, "performanceWordCount");
        Assert.Equal(package.Expected.GetProperty("report").GetProperty("hasToc").GetBoolean(), report.HasToc);
        Assert.Equal(package.ExpectedInt("maxHeadingDepth"), report.MaxHeadingDepth);
        Assert.Equal(package.Expected.GetProperty("report").GetProperty("title").GetString(), report.Title);
        Assert.False(string.IsNullOrWhiteSpace(report.CompanyLine));
        Assert.Contains(report.OverviewWordCount is null ? "一、案例内容" : "一、企业概况", report.Text);
        Assert.Equal(1, report.Outline[0].Level);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusPackage_ImplementationStartAsTheReportStatesIt(string id)
    {
        var package = CorpusPackage.Load(id);
        var report = (await _harness.RunAsync(package.ExtractReport(_folder), package.Form)).Report!;

        // The labels hold a month, or null where the report states only a year (the record then keeps the year) or nothing.
        var expected = package.ExpectedString("implementationStart");
        if (expected is null)
        {
            Assert.True(report.ImplementationStart is null || report.ImplementationStart.Length == 4,
                $"{id}: expected no month, found {report.ImplementationStart}");
        }
        else
        {
            Assert.Equal(expected, report.ImplementationStart);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task RunAsync_CorpusPackageWithoutForm_StillChecksTheReport(string id)
    {
        var package = CorpusPackage.Load(id);
        var record = await _harness.RunAsync(package.ExtractReport(_folder), form: null);

        var found = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).ToHashSet();
        var expected = package.ExpectedCodes(StepHarness.ReportCodes.Except(StepHarness.FormCodes));
        Assert.True(expected.SetEquals(found), $"{id}: expected [{string.Join(", ", expected)}] found [{string.Join(", ", found)}]");
        Assert.Equal(package.ExpectedInt("bodyWordCount"), record.Report!.BodyWordCount, tolerance: package.ExpectedInt("bodyWordCount") / 100.0);
    }

    private static void AssertWithinOnePercent(int? expected, int? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected == actual, $"{what}: expected {expected?.ToString() ?? "null"}, counted {actual?.ToString() ?? "null"}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) <= expected * 0.01, $"{what}: expected {expected}, counted {actual}");
    }

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
