using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;
using CaseIngest.Plugins.StructureChecks.Tests.Support;

namespace CaseIngest.Plugins.StructureChecks.Tests.Corpus;

/// <summary>A corpus package's report file (found by the expected record's <c>files.report</c>) and what a correct
/// reading yields.</summary>
internal sealed class CorpusPackage
{
    static CorpusPackage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public required string Id { get; init; }
    public required JsonElement Expected { get; init; }
    public required FormSection Form { get; init; }

    public string ReportName => Expected.GetProperty("files").GetProperty("report").GetString()!;

    public static CorpusPackage Load(string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, id + ".json")));
        var expected = json.RootElement.Clone();
        var form = expected.GetProperty("form").Deserialize<FormSection>(CaseRecordJson.Options)!;
        return new CorpusPackage { Id = id, Expected = expected, Form = form };
    }

    /// <summary>Puts the report file into <paramref name="folder"/> (extracting it from the zip, whose names may be GBK).</summary>
    public string ExtractReport(TemporaryDirectory folder)
    {
        var package = TestPaths.CorpusPackage(Id);
        if (Directory.Exists(package))
        {
            return Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories).Single(f => Path.GetFileName(f) == ReportName);
        }

        using var zip = ZipFile.Open(package, ZipArchiveMode.Read, Encoding.GetEncoding("GB18030"));
        var entry = zip.Entries.Single(e => e.Name == ReportName);
        var target = folder.File(Id + "-" + ReportName);
        entry.ExtractToFile(target);
        return target;
    }

    public IReadOnlySet<string> ExpectedCodes(IEnumerable<string> ofCodes) =>
        Expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).Intersect(ofCodes).ToHashSet();

    public int ExpectedInt(string name) => Expected.GetProperty("report").GetProperty(name).GetInt32();
}
