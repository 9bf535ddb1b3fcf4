using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Core.Tests.Support;

/// <summary>The <c>files</c> of tests/corpus/expected/&lt;id&gt;.json: role → file name.</summary>
internal static class ExpectedFiles
{
    public static IReadOnlyDictionary<FileRole, string> Of(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, id + ".json")));
        var files = document.RootElement.GetProperty("files");
        return new Dictionary<FileRole, string>
        {
            [FileRole.Form] = files.GetProperty("form").GetString()!,
            [FileRole.Report] = files.GetProperty("report").GetString()!,
            [FileRole.StampPage] = files.GetProperty("stamp").GetString()!,
        };
    }
}
