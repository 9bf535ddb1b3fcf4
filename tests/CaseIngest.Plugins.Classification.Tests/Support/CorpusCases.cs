using System.IO.Compression;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>One corpus package as the classifier sees it: the record the upstream plugins would have built (case name and
/// ticked boxes from expected/*.json, the report's paragraphs read with the OpenXml SDK) and the true type.</summary>
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
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, id + ".json")));
        var root = expected.RootElement;
        var form = root.GetProperty("form");
        var paragraphs = ReportParagraphs(TestPaths.CorpusPackage(id));
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

    /// <summary>The paragraphs of the package's report: the .docx that has a 企业概况 section and no 申报单位名称 field.</summary>
    private static List<string> ReportParagraphs(string package)
    {
        foreach (var bytes in DocxFiles(package))
        {
            using var stream = new MemoryStream(bytes);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
            if (paragraphs.Any(p => p.Contains("企业概况")) && !paragraphs.Any(p => p.Contains("申报单位名称")))
            {
                return paragraphs;
            }
        }

        throw new InvalidOperationException($"No report .docx found in {package}");
    }

    private static IEnumerable<byte[]> DocxFiles(string package)
    {
        if (Directory.Exists(package))
        {
            foreach (var file in Directory.EnumerateFiles(package, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return File.ReadAllBytes(file);
            }

            yield break;
        }

        using var zip = ZipFile.OpenRead(package);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)))
        {
            using var entryStream = entry.Open();
            using var memory = new MemoryStream();
            entryStream.CopyTo(memory);
            yield return memory.ToArray();
        }
    }
}
