using System.Diagnostics;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Conversion;
using CaseIngest.Core.Packages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CaseIngest.Core.Tests.Conversion;

/// <summary>Milliseconds per package for the note (#17): converting every corpus package's form and report from .doc to
/// .docx with LibreOffice (cold: one soffice per document, a fresh profile each, as the product runs it), reading them
/// from the conversion cache, and splitting a merged PDF into page ranges. Opt-in (CASEINGEST_BENCH=1); prints, asserts
/// no time.</summary>
public sealed class ConversionBenchmark(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _root = new("caseingest-conversion-bench-");

    [BenchmarkFact]
    public async Task Convert_EveryCorpusPackageAsDoc_PrintsMillisecondsPerPackage()
    {
        // GIVEN every corpus form and report saved as .doc by LibreOffice (via .odt, see LegacyFormatPackages)
        var staging = Directory.CreateDirectory(Path.Combine(_root.Path, "docx")).FullName;
        var sources = new List<string>();
        foreach (var id in TestPaths.CorpusIds)
        {
            var sample = CorpusSample.Load(id);
            foreach (var role in new[] { FileRole.Form, FileRole.Report })
            {
                var path = Path.Combine(staging, $"{id}-{role}.docx");
                await File.WriteAllBytesAsync(path, sample.ReadFile(sample.Files[role]));
                sources.Add(path);
            }
        }

        var odts = await LibreOffice.ConvertAsync(sources, Directory.CreateDirectory(Path.Combine(_root.Path, "odt")).FullName, "odt");
        var docs = await LibreOffice.ConvertAsync(odts, Directory.CreateDirectory(Path.Combine(_root.Path, "doc")).FullName, "doc");
        var options = Options.Create(new ConversionOptions { CachePath = Path.Combine(_root.Path, "cache") });
        using var converter = new LibreOfficeConverter(options, NullLogger<LibreOfficeConverter>.Instance);
        var conversion = new DocumentConversion(converter, new ConversionCache(options), options, NullLogger<DocumentConversion>.Instance);

        // WHEN each is converted as a package's file is, then read again from the cache
        var work = Path.Combine(_root.Path, "work");
        var cold = Stopwatch.StartNew();
        foreach (var (doc, i) in docs.Select((d, i) => (d, i)))
        {
            var prepared = await conversion.PrepareAsync(Path.GetFileName(doc), doc, $"{i:x8}{new string('0', 56)}", work, CancellationToken.None);
            Assert.Equal("doc", prepared.ConvertedFrom);
        }

        cold.Stop();
        var warm = Stopwatch.StartNew();
        foreach (var (doc, i) in docs.Select((d, i) => (d, i)))
        {
            await conversion.PrepareAsync(Path.GetFileName(doc), doc, $"{i:x8}{new string('0', 56)}", work, CancellationToken.None);
        }

        warm.Stop();
        var packages = TestPaths.CorpusIds.Count;
        output.WriteLine($"LibreOffice .doc → .docx: {cold.Elapsed.TotalMilliseconds / packages:F0} ms per package (form + report, "
            + $"{cold.Elapsed.TotalMilliseconds / docs.Count:F0} ms per document, {packages} packages, one at a time); "
            + $"from the cache: {warm.Elapsed.TotalMilliseconds / packages:F1} ms per package; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        // AND a merged PDF of each package's report and form split into page ranges
        var pdfs = await LibreOffice.ConvertToPdfAsync(sources, Directory.CreateDirectory(Path.Combine(_root.Path, "pdf")).FullName);
        var merged = new List<string>();
        for (var i = 0; i < pdfs.Count; i += 2)
        {
            var path = Path.Combine(_root.Path, $"merged-{i / 2}.pdf");
            await File.WriteAllBytesAsync(path, UglyToad.PdfPig.Writer.PdfMerger.Merge(pdfs[i + 1], pdfs[i]));
            merged.Add(path);
        }

        var detector = new FileRoleDetector();
        merged.ForEach(p => detector.DetectRoles("材料.pdf", p));
        var split = Stopwatch.StartNew();
        foreach (var path in merged)
        {
            Assert.Equal(2, detector.DetectRoles("材料.pdf", path).Pages.Count);
        }

        split.Stop();
        output.WriteLine($"Page ranges of a merged report + form PDF: {split.Elapsed.TotalMilliseconds / merged.Count:F1} ms per package (warm, {merged.Count} PDFs)");
    }

    public void Dispose() => _root.Dispose();
}
