using CaseIngest.Abstractions.Records;
using CaseIngest.Host.Ingest;

namespace CaseIngest.Host.Tests.Ingest;

/// <summary>The closing lines of <c>ingest</c>, counted as the records come (the summary keeps none of them).</summary>
public sealed class IngestSummaryTests
{
    [Fact]
    public void Render_CountsVerdictsFindingsAndPluginTimesOfEveryRecordAdded()
    {
        var summary = new IngestSummary();
        summary.Add(Record(Verdict.Rejected, ["missing_document", "missing_document", "format_page"],
            ("FormFields", PluginOutcomes.Ok, 4), ("OcrStamps", PluginOutcomes.Failed, 9)));
        summary.Add(Record(Verdict.NeedsReview, ["format_page"], ("FormFields", PluginOutcomes.Ok, 2), ("OcrStamps", PluginOutcomes.Ok, 30)));
        summary.Add(Record(Verdict.Accepted, [], ("FormFields", PluginOutcomes.Ok, 6), ("OcrStamps", PluginOutcomes.Skipped, 0)));
        summary.AddCrash();

        var lines = summary.Render(TimeSpan.FromMinutes(2));

        Assert.Equal(
        [
            "Packages: 4 in 120.0 s (2.0 packages per minute), 1 crashed",
            "Verdicts: accepted 1, needs_review 1, rejected 1",
            "Most frequent findings (packages): format_page 2, missing_document 1",
            "Median time per plugin: FormFields 4 ms (3 runs), OcrStamps 30 ms (1 runs)",
            "Plugin failures: OcrStamps 1",
        ], lines);
    }

    [Fact]
    public void Render_NothingAdded_SaysSo() =>
        Assert.Equal(
        [
            "Packages: 0 in 1.0 s (0.0 packages per minute)",
            "Verdicts: ",
            "Most frequent findings (packages): none",
            "Median time per plugin: no plugin ran",
        ], new IngestSummary().Render(TimeSpan.FromSeconds(1)));

    // Every record also carries an info finding: notes are not findings a package is counted for.
    private static CaseRecord Record(Verdict verdict, string[] codes, params (string Name, string Outcome, double ElapsedMs)[] plugins) => new()
    {
        Verdict = verdict,
        Findings =
        [
            .. codes.Select(code => new Finding { Code = code, Severity = Severity.Error }),
            new Finding { Code = "converted_document", Severity = Severity.Info },
        ],
        Plugins = [.. plugins.Select(p => new PluginRun { Name = p.Name, Outcome = p.Outcome, ElapsedMs = p.ElapsedMs })],
    };
}
