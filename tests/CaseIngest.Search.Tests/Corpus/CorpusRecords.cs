using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Search.Tests.Corpus;

/// <summary>The sample corpus as case records: the form and title from <c>expected/*.json</c>, edition, recommender and
/// submission time from the package's manifest, and the report's text and headings read from its .docx with the OpenXml
/// SDK (the report is the .docx whose text has the 一、企业概况 section, whatever its file is called).</summary>
internal static partial class CorpusRecords
{
    private static readonly Lazy<IReadOnlyList<CaseRecord>> s_all = new(() => TestPaths.CorpusIds.Select(Load).ToList());

    public static IReadOnlyList<CaseRecord> All => s_all.Value;

    /// <summary>A fresh copy (tests may change records).</summary>
    public static IReadOnlyList<CaseRecord> Copy() => All.Select(CaseRecordJson.Clone).ToList();

    private static CaseRecord Load(string id)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, id + ".json")));
        var root = expected.RootElement;
        var form = root.GetProperty("form");
        var files = ReadPackage(TestPaths.CorpusPackage(id));
        using var manifest = JsonDocument.Parse(files.Manifest);
        var (text, outline) = ReadReport(files.Docx);
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
            Report = new ReportSection { Title = root.GetProperty("report").GetProperty("title").GetString(), Text = text, Outline = outline },
            Classification = new ClassificationSection { Predicted = root.GetProperty("category").GetString() },
        };
    }

    private static (string Manifest, IReadOnlyList<byte[]> Docx) ReadPackage(string path)
    {
        if (Directory.Exists(path))
        {
            return (File.ReadAllText(Path.Combine(path, "manifest.json")),
                Directory.EnumerateFiles(path, "*.docx").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList());
        }

        using var zip = ZipFile.OpenRead(path);
        string? manifest = null;
        var docx = new List<byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (entry.FullName.EndsWith("manifest.json", StringComparison.OrdinalIgnoreCase))
            {
                manifest = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            else if (entry.FullName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                docx.Add(buffer.ToArray());
            }
        }

        return (manifest ?? throw new InvalidDataException(path + " has no manifest.json"), docx);
    }

    private static (string Text, List<OutlineEntry> Outline) ReadReport(IReadOnlyList<byte[]> candidates)
    {
        foreach (var bytes in candidates)
        {
            using var stream = new MemoryStream(bytes);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>()
                .Select(p => p.InnerText.Trim()).Where(t => t.Length > 0).ToList();
            if (!paragraphs.Any(p => Level1().IsMatch(p) && p.Contains("企业概况", StringComparison.Ordinal)))
            {
                continue;
            }

            var outline = paragraphs.Where(p => p.Length <= 40 && (Level1().IsMatch(p) || Level2().IsMatch(p)))
                .Select(p => new OutlineEntry { Level = Level1().IsMatch(p) ? 1 : 2, Heading = p }).ToList();
            return (string.Join('\n', paragraphs), outline);
        }

        throw new InvalidDataException("No report .docx (with 一、企业概况) in the package");
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex Level1();

    [GeneratedRegex("^（[一二三四五六七八九十]+）")]
    private static partial Regex Level2();
}
