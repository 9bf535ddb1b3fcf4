using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using SkiaSharp;
using UglyToad.PdfPig;

namespace CaseIngest.Testing;

/// <summary>One corpus form as its applicant's scanner returns it after signing: its page images (JPEG) and the same
/// pages as a PDF of scans, with the text PDF they were rendered from.</summary>
internal sealed record FormScan(string Id, IReadOnlyList<string> Pages, string ScanPdf, string TextPdf);

/// <summary>
/// Makes scanned forms from the corpus: the form's .docx with the seal dates of the expected record typed over its
/// 年 月 日, exported to PDF by the real LibreOffice (one run for all), each page rendered at 200 dpi by the real
/// pdftoppm, a red seal of the expected record's unit stamped over each 申报单位盖章 / 推荐单位盖章 line whose seal the
/// record has, the page turned a little as a sheet lies on a scanner. Made once into the test output
/// (<c>generated/form-scans</c>) and reused by the tests of later runs.
/// </summary>
internal static class FormScans
{
    public const int Dpi = 200;
    public const double SkewDegrees = 0.4;
    private const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private static readonly SemaphoreSlim s_making = new(1, 1);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "generated", "form-scans");

    public static async Task<IReadOnlyDictionary<string, FormScan>> MakeAsync(IReadOnlyList<string> ids)
    {
        await s_making.WaitAsync();
        try
        {
            Directory.CreateDirectory(Folder);
            var missing = ids.Where(id => !File.Exists(Done(id))).ToList();
            if (missing.Count > 0)
            {
                await MakeMissingAsync(missing);
            }

            return ids.ToDictionary(id => id, Load);
        }
        finally
        {
            s_making.Release();
        }
    }

    private static string Done(string id) => Path.Combine(Folder, id, "done");

    private static FormScan Load(string id)
    {
        var folder = Path.Combine(Folder, id);
        var pages = Directory.EnumerateFiles(folder, "page-*.jpg").OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)[5..], CultureInfo.InvariantCulture)).ToList();
        return new FormScan(id, pages, Path.Combine(folder, "申报表扫描.pdf"), Path.Combine(Folder, id + ".pdf"));
    }

    private static async Task MakeMissingAsync(List<string> ids)
    {
        var sources = new List<string>();
        foreach (var id in ids)
        {
            var sample = CorpusSample.Load(id);
            var source = Path.Combine(Folder, id + ".docx");
            await File.WriteAllBytesAsync(source, WithSealDates(sample.ReadFile(sample.Files[FileRole.Form]), sample.Expected.GetProperty("stamps")));
            sources.Add(source);
        }

        await LibreOffice.ConvertToPdfAsync(sources, Folder);
        foreach (var id in ids)
        {
            var sample = CorpusSample.Load(id);
            var folder = Path.Combine(Folder, id);
            Directory.CreateDirectory(folder);
            var textPdf = Path.Combine(Folder, id + ".pdf");
            await RenderAsync(textPdf, Path.Combine(folder, "render"));
            var seals = Seals(textPdf, sample.Expected);
            var bitmaps = new List<SKBitmap>();
            try
            {
                using var typeface = SKTypeface.FromFile(FontPath);
                var rendered = Directory.EnumerateFiles(folder, "render-*.png").OrderBy(p => p, StringComparer.Ordinal).ToList();
                for (var i = 0; i < rendered.Count; i++)
                {
                    var bitmap = SKBitmap.Decode(rendered[i]);
                    using (var canvas = new SKCanvas(bitmap))
                    {
                        foreach (var (page, centre, organization) in seals.Where(s => s.Page == i + 1))
                        {
                            ScanDrawing.Seal(canvas, typeface, centre, 20 * Dpi / 25.4f, organization);
                        }
                    }

                    var scanned = ScanDrawing.Rotate(bitmap, SkewDegrees);
                    bitmaps.Add(scanned);
                    await File.WriteAllBytesAsync(Path.Combine(folder, $"page-{i + 1}.jpg"), ScanDrawing.Encode(scanned, SKEncodedImageFormat.Jpeg));
                    File.Delete(rendered[i]);
                }

                await File.WriteAllBytesAsync(Path.Combine(folder, "申报表扫描.pdf"), ScanDrawing.ToPdf(bitmaps));
            }
            finally
            {
                bitmaps.ForEach(b => b.Dispose());
            }

            await File.WriteAllTextAsync(Done(id), "");
        }
    }

    /// <summary>The form with each block's seal date (as the expected record has it) typed over its blank 年 月 日.</summary>
    private static byte[] WithSealDates(byte[] docx, JsonElement stamps)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            xml = FillDate(xml, "申报单位盖章", stamps.GetProperty("applicant"));
            xml = FillDate(xml, "推荐单位盖章", stamps.GetProperty("recommender"));
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return buffer.ToArray();
    }

    private static string FillDate(string xml, string label, JsonElement stamp)
    {
        if (stamp.GetProperty("date").GetString() is not { } iso)
        {
            return xml;
        }

        var date = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var typed = string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
        return Regex.Replace(xml, label + @"(\s*)年\s*月\s*日", m => label + m.Groups[1].Value + typed);
    }

    /// <summary>Where the seals go: over each 盖章 line (its label's place in the text PDF), right of the label where the
    /// date is, for each block whose seal the expected record has.</summary>
    private static List<(int Page, SKPoint Centre, string Organization)> Seals(string textPdf, JsonElement expected)
    {
        var form = expected.GetProperty("form");
        var stamps = expected.GetProperty("stamps");
        var blocks = new (string Label, string Block, string Unit)[]
        {
            ("申报单位盖章", "applicant", form.GetProperty("applicant").GetString() ?? ""),
            ("推荐单位盖章", "recommender", form.GetProperty("recommender").GetString() ?? ""),
        };
        var seals = new List<(int, SKPoint, string)>();
        using var pdf = PdfDocument.Open(textPdf);
        foreach (var page in pdf.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var text = string.Concat(letters.Select(l => l.Value));
            foreach (var (label, block, unit) in blocks)
            {
                var at = text.IndexOf(label, StringComparison.Ordinal);
                if (at < 0 || !stamps.GetProperty(block).GetProperty("present").GetBoolean())
                {
                    continue;
                }

                var end = letters[at + label.Length - 1].BoundingBox;
                var scale = Dpi / 72f;
                var centre = new SKPoint((float)(end.Right + 28 * 72 / 25.4) * scale, (float)(page.Height - end.Centroid.Y) * scale);
                seals.Add((page.Number, centre, unit));
            }
        }

        return seals;
    }

    private static async Task RenderAsync(string pdf, string prefix)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", Dpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, prefix])
        {
            RedirectStandardError = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed on {pdf}: {error}");
        }
    }
}
