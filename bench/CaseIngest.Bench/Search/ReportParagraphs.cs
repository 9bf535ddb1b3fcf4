using System.IO.Compression;
using CaseIngest.Documents.Docx;

namespace CaseIngest.Bench.Search;

/// <summary>The paragraphs of the corpus's case reports: real case prose for the synthetic cases to be made of.</summary>
public static class ReportParagraphs
{
    private const int MinLength = 20;

    public static IReadOnlyList<string> Read(string corpusPackages)
    {
        var paragraphs = new List<string>();
        foreach (var package in Directory.EnumerateFileSystemEntries(corpusPackages).Order(StringComparer.Ordinal))
        {
            foreach (var report in ReportStreams(package))
            {
                using (report)
                {
                    paragraphs.AddRange(DocxReader.Read(report).AllParagraphs()
                        .Select(p => p.Text.Trim()).Where(t => t.Length >= MinLength));
                }
            }
        }

        return paragraphs.Count > 0 ? paragraphs : throw new InvalidOperationException($"No report text found in {corpusPackages}");
    }

    private static IEnumerable<Stream> ReportStreams(string package)
    {
        static bool IsReport(string name) => name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && name.Contains("报告", StringComparison.Ordinal);
        if (Directory.Exists(package))
        {
            foreach (var file in Directory.EnumerateFiles(package).Where(f => IsReport(Path.GetFileName(f))))
            {
                yield return new MemoryStream(File.ReadAllBytes(file));
            }

            yield break;
        }

        if (!package.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        using var zip = ZipFile.OpenRead(package);
        foreach (var entry in zip.Entries.Where(e => IsReport(e.Name)))
        {
            var copy = new MemoryStream();
            using (var input = entry.Open())
            {
                input.CopyTo(copy);
            }

            copy.Position = 0;
            yield return copy;
        }
    }
}
