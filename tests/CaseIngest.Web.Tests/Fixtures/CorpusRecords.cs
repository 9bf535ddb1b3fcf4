using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>Realistic records for the web tests, made from the sample corpus: the expected form, stamps, counts and
/// violations of tests/corpus/expected/*.json, the report text read from each package's report .docx, the signature page
/// as a page with two seal boxes. These stand in for the pipeline's output, which the web app only reads.</summary>
internal static class CorpusRecords
{
    private static readonly HashSet<string> s_warningCodes =
    [
        FindingCodes.CaseNameMismatch, FindingCodes.FormatBody, FindingCodes.FormatHeadings, FindingCodes.FormatPage,
        FindingCodes.InvalidContact, FindingCodes.IndicatorInconsistent, FindingCodes.StampOrgMismatch,
        FindingCodes.StampDateOutOfWindow, FindingCodes.LowOcrConfidence, FindingCodes.TypeMismatch, FindingCodes.PossibleDuplicate,
    ];

    public static CaseRecord Load(string id, int dayOffset)
    {
        var sample = CorpusSample.Load(id);
        var root = sample.Expected;
        var package = sample.PackagePath;
        var form = root.GetProperty("form").Deserialize<FormSection>(CaseRecordJson.Options)!;
        var files = root.GetProperty("files");
        var reportFile = files.GetProperty("report").GetString()!;
        var stampFile = files.GetProperty("stamp").GetString()!;
        var category = root.GetProperty("category").GetString()!;
        var violations = root.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).ToList();
        var findings = violations.Select(code => new Finding
        {
            Code = code,
            Severity = s_warningCodes.Contains(code) ? Severity.Warning : Severity.Error,
            Message = "样例违规：" + code,
            Evidence = "来自 expected/" + id + ".json",
            Location = new FindingLocation { File = reportFile },
            Plugin = "CorpusFixture",
        }).ToList();

        var reportExpected = root.GetProperty("report");
        // The body's own paragraphs: the form-like tables of a report are not its text.
        var text = string.Join('\n', WordParagraphs.Body(sample.ReadFile(reportFile)).Select(p => p.Trim()).Where(t => t.Length > 0));
        var stamps = root.GetProperty("stamps");
        var record = new CaseRecord
        {
            SubmissionId = id,
            Edition = 8,
            Recommender = form.Recommender,
            SubmittedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddDays(dayOffset),
            ProcessedAt = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            Verdict = findings.Any(f => f.Severity == Severity.Error) ? Verdict.Rejected
                : findings.Count > 0 ? Verdict.NeedsReview : Verdict.Accepted,
            RuleSet = "edition-8",
            PackageSha256 = Sha256Of(package),
            Files =
            [
                new PackageFileInfo { Name = files.GetProperty("form").GetString()!, Role = FileRole.Form },
                new PackageFileInfo { Name = reportFile, Role = FileRole.Report },
                new PackageFileInfo { Name = stampFile, Role = FileRole.StampPage, Sha256 = FileSha256(package, stampFile) ?? "" },
            ],
            Form = form,
            Stamps = new StampsSection { Applicant = Block(stamps.GetProperty("applicant"), 1), Recommender = Block(stamps.GetProperty("recommender"), 1) },
            Pages =
            [
                new PageInfo
                {
                    File = stampFile, Page = 1, Confidence = 0.9, Text = "申报单位意见 推荐单位意见",
                    Seals =
                    [
                        new SealInfo { Block = "applicant", Box = [700, 500, 360, 360], Confidence = 0.95, Organization = form.Applicant },
                        new SealInfo { Block = "recommender", Box = [700, 1300, 360, 360], Confidence = 0.93, Organization = form.Recommender },
                    ],
                },
            ],
            Report = new ReportSection
            {
                Title = reportExpected.GetProperty("title").GetString(),
                BodyWordCount = reportExpected.GetProperty("bodyWordCount").GetInt32(),
                OverviewWordCount = reportExpected.GetProperty("overviewWordCount").GetInt32(),
                ContentWordCount = reportExpected.GetProperty("contentWordCount").GetInt32(),
                PerformanceWordCount = reportExpected.GetProperty("performanceWordCount").GetInt32(),
                HasToc = reportExpected.GetProperty("hasToc").GetBoolean(),
                MaxHeadingDepth = reportExpected.GetProperty("maxHeadingDepth").GetInt32(),
                Outline = Outline(text),
                Text = text,
            },
            Classification = new ClassificationSection
            {
                Predicted = category,
                Scores = CaseTypes.All.ToDictionary(t => t, t => t == category ? 0.8 : 0.04),
                Evidence = ["智能", "数字化"],
                ModelVersion = "corpus-fixture",
            },
            Findings = findings,
        };
        RubricCoverageRun.Apply(record);
        return record;
    }

    /// <summary>A file's sha256 in a folder package (null in a zip: these records do not need it there).</summary>
    public static string? FileSha256(string package, string name) =>
        Directory.Exists(package) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(package, name)))) : null;

    /// <summary>The package's content address as the store keeps it (sha256 of the zip; of the folder's files for a folder).</summary>
    public static string Sha256Of(string package)
    {
        if (File.Exists(package))
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(package)));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(package).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static StampBlock Block(JsonElement block, int page) => new()
    {
        Present = block.GetProperty("present").GetBoolean(),
        Date = block.GetProperty("date").GetString(),
        Confidence = block.GetProperty("present").GetBoolean() ? 0.95 : null,
        Page = block.GetProperty("present").GetBoolean() ? page : null,
    };

    // Headings of the body only: the typed 目录 repeats them with page numbers at the end.
    private static List<OutlineEntry> Outline(string text) =>
        text.Split('\n').Where(line => !char.IsAsciiDigit(line[^1]))
            .Select(line => (line, level: ReportHeadings.LevelOne().IsMatch(line) ? 1 : ReportHeadings.LevelTwo().IsMatch(line) ? 2 : ReportHeadings.LevelThree().IsMatch(line) && line.Length < 40 ? 3 : 0))
            .Where(x => x.level > 0)
            .Select(x => new OutlineEntry { Level = x.level, Heading = x.line })
            .ToList();

}
