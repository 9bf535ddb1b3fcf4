using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseIngest.Core.Tests.Conversion;

/// <summary>Issue #17: packages whose form and report are .doc, .odt, .rtf or a Word .wps go through the whole pipeline
/// with the real plugins and read as their .docx originals do: the same form fields, report measures, seals and
/// findings as the sample's expected record, plus a converted_document note per converted file.</summary>
public sealed class LegacyFormatPackageTests(LegacyFormatPackages packages, ITestOutputHelper output) : IClassFixture<LegacyFormatPackages>, IDisposable
{
    private readonly TestHostFolder _host = new();

    public static TheoryData<string> Ids => new(LegacyFormatPackages.Cases.Select(c => c.Id));

    [LibreOfficeTheory]
    [MemberData(nameof(Ids))]
    public async Task Process_FormAndReportInLegacyFormats_RecordEqualsExpected_Issue17(string id)
    {
        // GIVEN a sample package whose form and report LibreOffice saved as .doc/.odt/.rtf/.wps
        await using var core = RealPlugins();
        var (formName, reportName) = packages.Names[id];
        var expected = LegacyFormatPackages.Expected(id);

        // WHEN the package is processed
        var record = await core.ProcessAsync(packages.PackageOf(id));

        // THEN each document keeps its name, gets its role by content and says what it was converted from
        var form = Assert.Single(record.Files, f => f.Name == formName);
        var report = Assert.Single(record.Files, f => f.Name == reportName);
        Assert.Equal((FileRole.Form, Path.GetExtension(formName)[1..]), (form.Role, form.ConvertedFrom));
        Assert.Equal((FileRole.Report, Path.GetExtension(reportName)[1..]), (report.Role, report.ConvertedFrom));

        // AND the form's fields, the report's measures, the seals and the findings are what the sample's reader states
        var differences = ExpectedForm.Differences(expected.GetProperty("form"), record.Form);
        var total = ExpectedForm.FieldCount(expected.GetProperty("form"));
        output.WriteLine($"{id}: form fields right {total - differences.Count}/{total}");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(ExpectedMeasures(expected.GetProperty("report")), Measures(record.Report));
        Assert.Equal(ExpectedStamps(expected.GetProperty("stamps")), Stamps(record.Stamps));
        var violations = expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).Order().ToList();
        var found = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().Order().ToList();
        Assert.True(violations.SequenceEqual(found), $"expected [{string.Join(",", violations)}] got: "
            + string.Join(" | ", record.Findings.Where(f => f.Severity != Severity.Info).Select(f => $"{f.Code} {f.Message} {f.Evidence}")));

        // AND the record notes, per converted file, that it was read after conversion
        var notes = record.Findings.Where(f => f.Code == FindingCodes.ConvertedDocument).ToList();
        Assert.Equal(new[] { formName, reportName }.Order(StringComparer.Ordinal), notes.Select(n => n.Location!.File!).Order(StringComparer.Ordinal));
        Assert.All(notes, n => Assert.Equal(Severity.Info, n.Severity));
        Assert.DoesNotContain(record.Findings, f => f.Code is FindingCodes.UnsupportedFormFormat or FindingCodes.FormatRulesSkipped);
    }

    private ServiceProvider RealPlugins() => RealPluginSettings.Build(_host, ocr: true);

    private static string ExpectedMeasures(JsonElement report) =>
        $"{report.GetProperty("title").GetString()} {report.GetProperty("bodyWordCount").GetInt32()} "
        + $"{report.GetProperty("overviewWordCount").GetInt32()} {report.GetProperty("contentWordCount").GetInt32()} "
        + $"{report.GetProperty("performanceWordCount").GetInt32()} toc={report.GetProperty("hasToc").GetBoolean()} "
        + $"depth={report.GetProperty("maxHeadingDepth").GetInt32()}";

    private static string Measures(ReportSection? report) => report is null ? "no report"
        : $"{report.Title} {report.BodyWordCount} {report.OverviewWordCount} {report.ContentWordCount} {report.PerformanceWordCount} "
          + $"toc={report.HasToc} depth={report.MaxHeadingDepth}";

    private static string ExpectedStamps(JsonElement stamps) =>
        string.Join(" ", new[] { "applicant", "recommender" }.Select(block => stamps.GetProperty(block) is var b
            ? $"{block}:{b.GetProperty("present").GetBoolean()}:{b.GetProperty("date").GetString()}" : ""));

    private static string Stamps(StampsSection? stamps) =>
        $"applicant:{stamps?.Applicant?.Present ?? false}:{stamps?.Applicant?.Date} recommender:{stamps?.Recommender?.Present ?? false}:{stamps?.Recommender?.Date}";

    public void Dispose() => _host.Dispose();
}
