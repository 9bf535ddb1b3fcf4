using CaseIngest.Abstractions.Records;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CaseIngest.Core.Tests.PageRanges;

/// <summary>Sample packages sent as one PDF: the corpus report and form exported to text PDFs by the real LibreOffice,
/// and the package's own scanned signature page (a scan PDF as it is, a .jpg/.png put on a page as a scanner's PDF
/// holds it), merged in a case's order into <c>材料.pdf</c> beside the manifest. One soffice run for the class.</summary>
public sealed class MergedPdfPackages : IAsyncLifetime
{
    /// <summary>Per case: the corpus package and the order of its documents in the merged PDF.</summary>
    public static readonly (string Id, FileRole[] Order)[] Cases =
    [
        ("D01", [FileRole.Report, FileRole.Form, FileRole.StampPage]),
        ("D07", [FileRole.Report, FileRole.Form, FileRole.StampPage]),
        ("D10", [FileRole.Form, FileRole.StampPage, FileRole.Report]),
    ];

    public const string MergedName = "材料.pdf";

    private readonly TemporaryDirectory _root = new("caseingest-merged-");

    /// <summary>The package folder of a case.</summary>
    public string PackageOf(string id) => Path.Combine(_root.Path, "packages", id);

    /// <summary>The report alone as LibreOffice exported it, per case: what the merged file's report pages must read as.</summary>
    public Dictionary<string, string> ReportPdf { get; } = [];

    /// <summary>The page ranges a careful reader sees in each case's merged PDF.</summary>
    public Dictionary<string, List<PageRange>> Ranges { get; } = [];

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is null)
        {
            return;
        }

        var staging = Path.Combine(_root.Path, "staging");
        Directory.CreateDirectory(staging);
        var sources = new List<string>();
        foreach (var (id, _) in Cases)
        {
            var sample = CorpusSample.Load(id);
            foreach (var role in new[] { FileRole.Form, FileRole.Report })
            {
                var source = Path.Combine(staging, $"{id}-{role}.docx");
                await File.WriteAllBytesAsync(source, sample.ReadFile(sample.Files[role]));
                sources.Add(source);
            }
        }

        var pdfs = await LibreOffice.ConvertToPdfAsync(sources, staging);
        foreach (var (id, order) in Cases)
        {
            var sample = CorpusSample.Load(id);
            var parts = new Dictionary<FileRole, string>
            {
                [FileRole.Form] = pdfs.Single(p => Path.GetFileName(p) == $"{id}-{FileRole.Form}.pdf"),
                [FileRole.Report] = pdfs.Single(p => Path.GetFileName(p) == $"{id}-{FileRole.Report}.pdf"),
                [FileRole.StampPage] = ScanPdf(sample, staging),
            };
            ReportPdf[id] = parts[FileRole.Report];
            var package = PackageOf(id);
            Directory.CreateDirectory(package);
            await File.WriteAllBytesAsync(Path.Combine(package, MergedName), PdfMerger.Merge(order.Select(role => parts[role]).ToArray()));
            await File.WriteAllBytesAsync(Path.Combine(package, "manifest.json"), sample.ReadFile("manifest.json"));

            var ranges = new List<PageRange>();
            var next = 1;
            foreach (var role in order)
            {
                using var part = PdfDocument.Open(parts[role]);
                ranges.Add(new PageRange(next, next + part.NumberOfPages - 1, role));
                next += part.NumberOfPages;
            }

            Ranges[id] = ranges;
        }
    }

    /// <summary>The signature page as a PDF of scans: the package's own scan PDF, or its image on an A4 page.</summary>
    private static string ScanPdf(CorpusSample sample, string staging)
    {
        var name = sample.Files[FileRole.StampPage];
        var bytes = sample.ReadFile(name);
        var path = Path.Combine(staging, $"{sample.Id}-scan.pdf");
        if (Path.GetExtension(name).Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }

        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var area = new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height);
        if (Path.GetExtension(name).Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            page.AddPng(bytes, area);
        }
        else
        {
            page.AddJpeg(bytes, area);
        }

        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
