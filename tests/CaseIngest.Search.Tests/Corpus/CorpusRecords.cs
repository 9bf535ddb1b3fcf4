using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Search.Tests.Corpus;

/// <summary>The sample corpus as case records: the form and title from <c>expected/*.json</c>, edition, recommender and
/// submission time from the package's manifest, and the report's text and headings read from its .docx.</summary>
internal static class CorpusRecords
{
    private static readonly Lazy<IReadOnlyList<CaseRecord>> s_all = new(() => TestPaths.CorpusIds.Select(Load).ToList());

    public static IReadOnlyList<CaseRecord> All => s_all.Value;

    /// <summary>A fresh copy (tests may change records).</summary>
    public static IReadOnlyList<CaseRecord> Copy() => All.Select(CaseRecordJson.Clone).ToList();

    private static CaseRecord Load(string id)
    {
        var sample = CorpusSample.Load(id);
        var root = sample.Expected;
        var form = root.GetProperty("form");
        using var manifest = JsonDocument.Parse(sample.ReadFile("manifest.json"));
        var paragraphs = WordParagraphs.All(sample.ReadFile(sample.Files[FileRole.Report]))
            .Select(p => p.Trim()).Where(t => t.Length > 0).ToList();
        var outline = paragraphs.Where(p => p.Length <= 40 && (ReportHeadings.LevelOne().IsMatch(p) || ReportHeadings.LevelTwo().IsMatch(p)))
            .Select(p => new OutlineEntry { Level = ReportHeadings.LevelOne().IsMatch(p) ? 1 : 2, Heading = p }).ToList();
        return new CaseRecord
        {
            SubmissionId = id,
            Edition = manifest.RootElement.GetProperty("edition").GetInt32(),
            Recommender = manifest.RootElement.GetProperty("recommender").GetString(),
            SubmittedAt = manifest.RootElement.GetProperty("submittedAt").GetDateTimeOffset(),
            Form = new FormSection
            {
                CaseName = form.GetProperty("caseName").GetString(),
                Applicant = form.GetProperty("applicant").GetString(),
                Recommender = form.GetProperty("recommender").GetString(),
                DeclaredTypes = form.GetProperty("declaredTypes").EnumerateArray().Select(t => t.GetString()!).ToList(),
            },
            Report = new ReportSection { Title = root.GetProperty("report").GetProperty("title").GetString(), Text = string.Join('\n', paragraphs), Outline = outline },
            Classification = new ClassificationSection { Predicted = root.GetProperty("category").GetString() },
        };
    }
}
