using System.Globalization;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Bench.Processes;
using CaseIngest.Bench.Reporting;
using CaseIngest.Bench.Running;

namespace CaseIngest.Bench.Formats;

/// <summary>
/// What packages as submitters send them cost (#17), through the real <c>caseingest ingest</c>, one package at a time,
/// OcrStamps off: the 14 corpus packages as they are, the same with form and report saved as legacy .doc by LibreOffice
/// (each converted back by the host: its LibreOffice conversion, uncached), and the 14 corpus forms as scans (LibreOffice
/// PDF, every page by pdftoppm at 200 dpi, the pages one multi-page TIFF as a scanner writes it) with no form document,
/// read by FormFields' OCR. Conversion per package = the .doc packages' median cost minus the .docx ones' (a package's
/// cost is the gap between consecutive records' processedAt); form OCR per scan = FormFields' elapsedMs on the scanned
/// packages; fields right per scanned form against the expected record (tests/Shared/ExpectedForm, as the tests count).
/// </summary>
public sealed class FormatsBench : IBenchPart
{
    public string Name => "formats";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var load = MachineInfo.LoadAverage();
        var work = environment.NewWorkFolder("formats");
        var corpus = Path.Combine(work, "corpus");
        var samples = Samples.Extract(environment.CorpusPackages, Path.Combine(environment.RepoRoot, "tests", "corpus", "expected"), corpus);

        var docx = Path.Combine(work, "docx");
        var doc = Path.Combine(work, "doc");
        var scans = Path.Combine(work, "scans");
        var staging = Directory.CreateDirectory(Path.Combine(work, "staging")).FullName;
        foreach (var sample in samples)
        {
            sample.CopyTo(Path.Combine(docx, sample.Id), form: true);
        }

        // Legacy .doc made by LibreOffice (untimed), one soffice run for all.
        var sources = samples.SelectMany(s => new[] { s.Form, s.Report }).ToList();
        await ChildProcess.RunAsync("soffice", ["--headless", "--convert-to", "doc", "--outdir", staging, .. sources], work, null, cancellationToken);
        foreach (var sample in samples)
        {
            var folder = sample.CopyTo(Path.Combine(doc, sample.Id), form: false, report: false);
            File.Copy(Path.Combine(staging, Path.GetFileNameWithoutExtension(sample.Form) + ".doc"), Path.Combine(folder, "申报表.doc"));
            File.Copy(Path.Combine(staging, Path.GetFileNameWithoutExtension(sample.Report) + ".doc"), Path.Combine(folder, "案例报告.doc"));
        }

        // Scans of the forms (untimed): PDF by LibreOffice, its pages by pdftoppm, put together by tiffcp.
        var scanned = samples;
        await ChildProcess.RunAsync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", staging, .. scanned.Select(s => s.Form)], work, null, cancellationToken);
        var pageCounts = new Dictionary<string, int>();
        foreach (var sample in scanned)
        {
            var folder = sample.CopyTo(Path.Combine(scans, sample.Id), form: false, stamp: false);
            var pdf = Path.Combine(staging, Path.GetFileNameWithoutExtension(sample.Form) + ".pdf");
            var prefix = Path.Combine(staging, sample.Id + "-page");
            await ChildProcess.RunAsync("pdftoppm", ["-r", "200", "-tiff", "-tiffcompression", "lzw", pdf, prefix], work, null, cancellationToken);
            var pages = Directory.EnumerateFiles(staging, sample.Id + "-page-*.tif").Order(StringComparer.Ordinal).ToList();
            pageCounts[sample.Id] = pages.Count;
            await ChildProcess.RunAsync("tiffcp", [.. pages, Path.Combine(folder, "申报表扫描件.tif")], work, null, cancellationToken);
        }

        var asDocx = await IngestAsync(environment, docx, Path.Combine(work, "run-docx"), cancellationToken);
        var asDoc = await IngestAsync(environment, doc, Path.Combine(work, "run-doc"), cancellationToken);
        var asScan = await IngestAsync(environment, scans, Path.Combine(work, "run-scans"), cancellationToken);

        var docxCost = Gaps(asDocx);
        var docCost = Gaps(asDoc);
        var conversion = Percentiles.Of(docCost, 50) - Percentiles.Of(docxCost, 50);
        var formOcr = asScan.Select(r => r.Plugins.FirstOrDefault(p => p.Name == "FormFields")?.ElapsedMs).OfType<double>().ToList();
        var formDocx = asDocx.Select(r => r.Plugins.FirstOrDefault(p => p.Name == "FormFields")?.ElapsedMs).OfType<double>().ToList();
        var scanFormsRead = asScan.Count(r => r.Form?.FieldConfidence is not null);
        var fieldsRight = asScan.OrderBy(r => r.SubmissionId, StringComparer.Ordinal).Select(r => FieldsRight(environment, r, pageCounts)).ToList();
        return
        [
            new("formats", "LibreOffice conversion per package (.doc form + .doc report): ms",
                F(conversion), "",
                $".doc packages' median {F(Percentiles.Of(docCost, 50))} ms − .docx packages' {F(Percentiles.Of(docxCost, 50))} ms per package " +
                $"({docCost.Count} and {docxCost.Count} gaps of processedAt, `ingest --parallelism 1`, OcrStamps off, conversion cache empty); load {load}"),
            new("formats", "form OCR per scanned form (FormFields step): median / max ms",
                $"{F(Percentiles.Of(formOcr, 50))} / {F(formOcr.DefaultIfEmpty(double.NaN).Max())}", "",
                $"{scanned.Count} corpus forms as 200-dpi scans (multi-page TIFF), {scanFormsRead} read as the form; the first includes loading PP-OCR; " +
                $"FormFields on the .docx forms: median {F(Percentiles.Of(formDocx, 50))} ms; load → {MachineInfo.LoadAverage()}"),
            new("formats", "scanned form fields right / total (all forms)",
                $"{fieldsRight.Sum(f => f.Right)}/{fieldsRight.Sum(f => f.Total)}", "",
                "per form (pages): " + string.Join(", ", fieldsRight.Select(f => f.Text))),
        ];
    }

    /// <summary>A scanned form's fields against its expected record, counted as the tests count them.</summary>
    private static (int Right, int Total, string Text) FieldsRight(BenchEnvironment environment, CaseRecord record, Dictionary<string, int> pageCounts)
    {
        var path = Path.Combine(environment.RepoRoot, "tests", "corpus", "expected", record.SubmissionId + ".json");
        using var expected = JsonDocument.Parse(File.ReadAllText(path));
        var form = expected.RootElement.GetProperty("form");
        var total = CaseIngest.Testing.ExpectedForm.FieldCount(form);
        var right = total - CaseIngest.Testing.ExpectedForm.Differences(form, record.Form).Count;
        var pages = pageCounts.GetValueOrDefault(record.SubmissionId);
        return (right, total, string.Create(CultureInfo.InvariantCulture, $"{record.SubmissionId} ({pages}) {right}/{total}"));
    }

    private static async Task<List<CaseRecord>> IngestAsync(BenchEnvironment environment, string packages, string run, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(run);
        var records = Path.Combine(run, "records.jsonl");
        await ChildProcess.RunAsync(environment.HostExecutable,
            ["ingest", packages, "--out", records, "--index", Path.Combine(run, "index"), "--store", Path.Combine(run, "store"), "--parallelism", "1"],
            run, new Dictionary<string, string>
            {
                ["Plugins__OcrStamps__Enabled"] = "false",
                ["Conversion__CachePath"] = Path.Combine(run, "conversions"),
            }, cancellationToken);
        return File.ReadLines(records).Where(l => l.Length > 0).Select(CaseRecordJson.Deserialize).ToList();
    }

    /// <summary>A package's cost: the time from the record before it to its own (the first package is warm-up).</summary>
    private static List<double> Gaps(List<CaseRecord> records)
    {
        var processed = records.Select(r => r.ProcessedAt).OfType<DateTimeOffset>().Order().ToList();
        return processed.Zip(processed.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A corpus package's documents on disk: form, report, signature page, manifest.</summary>
    private sealed record Samples(string Id, string Form, string Report, string Stamp, string Manifest)
    {
        public static List<Samples> Extract(string packages, string expected, string folder)
        {
            var result = new List<Samples>();
            Directory.CreateDirectory(folder);
            foreach (var json in Directory.EnumerateFiles(expected, "*.json").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(json);
                using var record = JsonDocument.Parse(File.ReadAllText(json));
                var files = record.RootElement.GetProperty("files");
                var package = Path.Combine(packages, id);
                var root = Directory.Exists(package) ? package : Unzipped(package + ".zip", Path.Combine(folder, id));
                string Find(string name) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).First(f => Path.GetFileName(f) == name);
                var form = Path.Combine(folder, id + "-form.docx");
                var report = Path.Combine(folder, id + "-report.docx");
                File.Copy(Find(files.GetProperty("form").GetString()!), form, overwrite: true);
                File.Copy(Find(files.GetProperty("report").GetString()!), report, overwrite: true);
                result.Add(new Samples(id, form, report, Find(files.GetProperty("stamp").GetString()!), Find("manifest.json")));
            }

            return result;
        }

        private static string Unzipped(string zip, string folder)
        {
            // Entry names without the UTF-8 flag are GBK, as Windows tools write them.
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            System.IO.Compression.ZipFile.ExtractToDirectory(zip, folder, System.Text.Encoding.GetEncoding("GB18030"), overwriteFiles: true);
            return folder;
        }

        /// <summary>The package in <paramref name="folder"/> with the documents asked for (the manifest always).</summary>
        public string CopyTo(string folder, bool form, bool report = true, bool stamp = true)
        {
            Directory.CreateDirectory(folder);
            File.Copy(Manifest, Path.Combine(folder, "manifest.json"));
            if (form)
            {
                File.Copy(Form, Path.Combine(folder, "申报表.docx"));
            }

            if (report)
            {
                File.Copy(Report, Path.Combine(folder, "案例报告.docx"));
            }

            if (stamp)
            {
                File.Copy(Stamp, Path.Combine(folder, "盖章页" + Path.GetExtension(Stamp)));
            }

            return folder;
        }
    }
}
