using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>One corpus package as the classifier sees it: the record the upstream plugins would have built (case name and
/// ticked boxes from expected/*.json, the report's paragraphs as written), the true type and the report text it is
/// written from (packages that share a text stay on one side of every split).</summary>
public sealed record CorpusCase(string Id, string TextId, string Category, IReadOnlyList<string> ExpectedViolations, CaseRecord Record)
{
    /// <summary>A fresh copy, so a test can run the step on it without touching other tests' records.</summary>
    public CaseRecord CopyRecord() => CaseRecordJson.Clone(Record);
}

/// <summary>Loads both corpora once per test class that uses it: tests/corpus (D01–D14) and tests/corpus-extra (E01–E10),
/// 24 packages of 20 distinct report texts.</summary>
public sealed partial class CorpusCases
{
    public CorpusCases()
    {
        var texts = TextIds();
        Cases = TestPaths.CorpusIds.Concat(TestPaths.CorpusExtraIds).Select(id => Load(id, texts)).ToList();
    }

    /// <summary>Every package of both corpora.</summary>
    public IReadOnlyList<CorpusCase> Cases { get; }

    /// <summary>The packages of tests/corpus only (what the prior was written beside).</summary>
    public IReadOnlyList<CorpusCase> First => [.. Cases.Where(c => c.Id.StartsWith('D'))];

    /// <summary>Which text is behind which package, as tests/corpus-extra/README.md says ("D01=R01 D02=R10 …").</summary>
    private static Dictionary<string, string> TextIds()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.CorpusExtra, "README.md"));
        var map = PackageText().Matches(readme).ToDictionary(m => m.Groups["package"].Value, m => m.Groups["text"].Value, StringComparer.Ordinal);
        return map.Count >= 24 ? map : throw new InvalidDataException($"tests/corpus-extra/README.md maps {map.Count} packages to texts, expected 24");
    }

    private static CorpusCase Load(string id, Dictionary<string, string> texts)
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
        return new CorpusCase(id, texts[id], root.GetProperty("category").GetString()!,
            [.. root.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!)], record);
    }

    [GeneratedRegex(@"\b(?<package>[DE]\d\d)=(?<text>R\d\d)\b")]
    private static partial Regex PackageText();
}
