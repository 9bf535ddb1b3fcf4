using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CaseIngest.Plugins.OcrStamps.Tests.Corpus;

/// <summary>A corpus package's signature page extracted to disk, with the stamps its expected record names.</summary>
internal sealed record CorpusSignaturePage(string Id, string Name, string Path, ExpectedBlock Applicant, ExpectedBlock Recommender,
    string? ApplicantUnit, string? RecommenderUnit);

internal sealed record ExpectedBlock(bool Present, string? Date);

/// <summary>Takes every corpus package's signature page out of its folder or zip (GBK names decoded) into a work folder.</summary>
internal static class CorpusSignaturePages
{
    public static List<CorpusSignaturePage> Extract(string corpus, string workFolder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var pages = new List<CorpusSignaturePage>();
        foreach (var expectedFile in Directory.EnumerateFiles(System.IO.Path.Combine(corpus, "expected"), "*.json").Order())
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(expectedFile);
            using var expected = JsonDocument.Parse(File.ReadAllText(expectedFile));
            var root = expected.RootElement;
            var name = root.GetProperty("files").GetProperty("stamp").GetString()!;
            var target = System.IO.Path.Combine(workFolder, id + System.IO.Path.GetExtension(name));
            var folder = System.IO.Path.Combine(corpus, "packages", id);
            if (Directory.Exists(folder))
            {
                File.Copy(System.IO.Path.Combine(folder, name), target, overwrite: true);
            }
            else
            {
                using var zip = ZipFile.Open(folder + ".zip", ZipArchiveMode.Read, Encoding.GetEncoding("GBK"));
                var entry = zip.Entries.Single(e => e.FullName.Replace('\\', '/').EndsWith("/" + name, StringComparison.Ordinal) || e.FullName == name);
                entry.ExtractToFile(target, overwrite: true);
            }

            var stamps = root.GetProperty("stamps");
            var form = root.GetProperty("form");
            pages.Add(new CorpusSignaturePage(id, name, target, Block(stamps.GetProperty("applicant")), Block(stamps.GetProperty("recommender")),
                form.GetProperty("applicant").GetString(), form.GetProperty("recommender").GetString()));
        }

        return pages;
    }

    private static ExpectedBlock Block(JsonElement block) =>
        new(block.GetProperty("present").GetBoolean(), block.GetProperty("date").ValueKind == JsonValueKind.Null ? null : block.GetProperty("date").GetString());
}
