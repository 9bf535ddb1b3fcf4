using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.StructureChecks.Tests.Corpus;

/// <summary>A corpus package's report file (found by the expected record's <c>files.report</c>) and what a correct
/// reading yields.</summary>
internal sealed class CorpusPackage
{
    private readonly CorpusSample _sample;

    private CorpusPackage(CorpusSample sample)
    {
        _sample = sample;
        Form = sample.Expected.GetProperty("form").Deserialize<FormSection>(CaseRecordJson.Options)!;
    }

    public string Id => _sample.Id;

    public JsonElement Expected => _sample.Expected;

    public FormSection Form { get; }

    public string ReportName => _sample.Files[FileRole.Report];

    public static CorpusPackage Load(string id) => new(CorpusSample.Load(id));

    /// <summary>The report file: put into <paramref name="folder"/> when the package is a zip.</summary>
    public string ExtractReport(TemporaryDirectory folder) => _sample.ExtractFile(ReportName, folder.Path);

    public IReadOnlySet<string> ExpectedCodes(IEnumerable<string> ofCodes) =>
        Expected.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).Intersect(ofCodes).ToHashSet();

    public int ExpectedInt(string name) => Expected.GetProperty("report").GetProperty(name).GetInt32();

    /// <summary>A measure of the expected report that is null where the report lacks the section.</summary>
    public int? ExpectedNullableInt(string name) =>
        Expected.GetProperty("report").GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : null;

    public string? ExpectedString(string name) =>
        Expected.GetProperty("report").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
