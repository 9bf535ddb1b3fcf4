using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>One corpus package as the classifier sees it: the record the upstream plugins would have built (case name and
/// ticked boxes from expected/*.json, the report's paragraphs as written) and the true type.</summary>
public sealed record CorpusCase(string Id, string Category, IReadOnlyList<string> ExpectedViolations, CaseRecord Record)
{
    /// <summary>A fresh copy, so a test can run the step on it without touching other tests' records.</summary>
    public CaseRecord CopyRecord() => CaseRecordJson.Clone(Record);
}

/// <summary>Loads the corpus once per test class that uses it.</summary>
public sealed class CorpusCases
{
    public CorpusCases()
    {
        Cases = TestPaths.CorpusIds.Select(Load).ToList();
    }

    public IReadOnlyList<CorpusCase> Cases { get; }

    /// <summary>The pairs that share a report text (tests/corpus/README.md): held out together.</summary>
    public static string GroupOf(string id) => id switch
    {
        "D14" => "D02",
        "D11" => "D03",
        "D12" => "D07",
        "D13" => "D09",
        _ => id,
    };

    private static CorpusCase Load(string id)
    {
        var sample = CorpusSample.Load(id);
        var root = sample.Expected;
        var form = root.GetProperty("form");
        var paragraphs = WordParagraphs.All(sample.ReadFile(sample.Files[FileRole.Report]));
        var record = new CaseRecord
        {
            SubmissionId = id,
            Form = new FormSection
            {
                CaseName = form.GetProperty("caseName").GetString(),
                DeclaredTypes = [.. form.GetProperty("declaredTypes").EnumerateArray().Select(t => t.GetString()!)],
            },
            Report = new ReportSection
            {
                Title = paragraphs.First(p => p.Trim().Length > 0).Trim(),
                Text = string.Join('\n', paragraphs),
            },
        };
        return new CorpusCase(id, root.GetProperty("category").GetString()!,
            [.. root.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!)], record);
    }
}
