using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using CaseIngest.Abstractions.Records;
using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Files;
using UglyToad.PdfPig;

namespace CaseIngest.Core.Packages;

/// <summary>Decides what a file is for by its content (magic bytes, then text features), since names in real packages
/// are unreliable. Only a file whose content cannot be read at all (encrypted, corrupt) falls back to its name, so that
/// the plugin reading that role can say what is wrong with it instead of the package looking incomplete.</summary>
public sealed class FileRoleDetector(DocxDocumentCache documents)
{
    private static readonly string[] s_manifestKeys = ["submissionId", "edition", "recommender", "submittedAt"];
    private const int ScanTextThreshold = 60;
    private const int MaxManifestBytes = 64 * 1024;
    private const int MaxTextChars = 200_000;

    /// <summary>The largest document.xml read for a role: 8 M characters is thousands of pages of text (the corpus's
    /// largest has 54 K); a larger part is a bloated or hostile file, not a form or a report to recognise.</summary>
    internal const long MaxDocumentXmlCharacters = 8_000_000;
    private const int MaxPdfPages = 300;

    /// <summary>A detector with a cache of its own (tests, tools): the host's shares the plugins' cache, so a package's
    /// .docx read for its role is not parsed again by the plugins.</summary>
    public FileRoleDetector()
        : this(new DocxDocumentCache())
    {
    }

    /// <summary>The role of one extracted file (its main role when it holds several documents).</summary>
    public FileRole Detect(string name, string path) => DetectRoles(name, path).Role;

    /// <summary>The role of one extracted file, and for a PDF holding several documents the role of each page range.</summary>
    public FileRoles DetectRoles(string name, string path)
    {
        return FileKinds.Of(path) == FileKind.Pdf ? FromPdf(path, name) : new FileRoles(DetectOne(name, path), []);
    }

    private FileRole DetectOne(string name, string path)
    {
        return FileKinds.Of(path) switch
        {
            FileKind.Image => FileRole.StampPage,
            FileKind.Zip => DocxFeatures(path) is { } features ? FromFeatures(features) ?? FileRole.Other : FromName(name),
            FileKind.Ole => FromText(OleText(path), name),
            // An RTF or OpenDocument file still here could not be converted: its name is all there is to go by.
            FileKind.Rtf => FromName(name),
            _ => IsManifest(path) ? FileRole.Manifest : FileRole.Other,
        };
    }

    private static FileRole FromText(string? text, string name)
    {
        if (text is null)
        {
            return FromName(name);
        }

        return FromFeatures(text) ?? FileRole.Other;
    }

    private static FileRole? FromFeatures(string text)
    {
        var features = new RoleFeatures();
        features.Scan(text);
        return FromFeatures(features);
    }

    private static FileRole? FromFeatures(RoleFeatures features)
    {
        var form = features.FormLabelsFound;
        var report = features.ReportHeadingsFound;
        if (form >= 3 && form >= report)
        {
            return FileRole.Form;
        }

        if (report >= 2)
        {
            return FileRole.Report;
        }

        return form >= 2 ? FileRole.Form : null;
    }

    private static FileRoles FromPdf(string path, string name)
    {
        List<(string Text, bool HasImage)> pages;
        try
        {
            using var document = PdfDocument.Open(path);
            pages = document.GetPages().Take(MaxPdfPages).Select(page => (page.Text, page.GetImages().Any())).ToList();
        }
        // PdfPig throws many types on damaged files; any of them means "cannot read"
        catch (Exception)
        {
            return new FileRoles(FromName(name), []);
        }

        var ranges = PdfPageRoles.Split(pages.Select(page => PageRole(page.Text, page.HasImage)).ToList());
        if (ranges.Count <= 1)
        {
            // One document: decided on the text of its first pages as a whole, as a form's labels or a report's
            // headings may spread over several pages.
            var text = string.Concat(pages.Take(10).Select(page => page.Text));
            return new FileRoles(text.Count(c => !char.IsWhiteSpace(c)) < ScanTextThreshold ? FileRole.StampPage : FromFeatures(text) ?? FileRole.Other, []);
        }

        var main = ranges.GroupBy(r => r.Role).MaxBy(g => g.Sum(r => r.To - r.From + 1))!.Key;
        return new FileRoles(main, ranges);
    }

    /// <summary>What one page of a PDF shows: a scan (an image and hardly any text layer: a signed and stamped page), the
    /// form's labels, the report's headings, or nothing telling (null: a page of whatever document it sits in, such as
    /// a report's body page or a cover with a title only).</summary>
    private static FileRole? PageRole(string text, bool hasImage)
    {
        var letters = text.Count(c => !char.IsWhiteSpace(c));
        if (letters < ScanTextThreshold)
        {
            return hasImage ? FileRole.StampPage : null;
        }

        return FromFeatures(text);
    }

    /// <summary>The name as a last resort, for files whose content cannot be read.</summary>
    private static FileRole FromName(string name)
    {
        var fileName = Path.GetFileName(name);
        if (fileName.Contains("申报表", StringComparison.Ordinal) || fileName.Contains("申报书", StringComparison.Ordinal)
            || fileName.Contains("附件1", StringComparison.Ordinal))
        {
            return FileRole.Form;
        }

        if (fileName.Contains("报告", StringComparison.Ordinal) || fileName.Contains("附件2", StringComparison.Ordinal))
        {
            return FileRole.Report;
        }

        return FileRole.Other;
    }

    /// <summary>The form's labels and the report's headings in the visible text of a .docx as the plugins read it (the
    /// documents library's <see cref="DocxReader"/>); none for a readable zip that is no Word document (a spreadsheet, a
    /// nested zip: judged as other); null when the file cannot be read as one.</summary>
    private RoleFeatures? DocxFeatures(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var features = new RoleFeatures();
            if (!HoldsWordDocument(bytes))
            {
                return features;
            }

            // A bloated document.xml is refused by the reader before it is parsed whole, so it cannot make role detection
            // slow; such a file is judged by its name, and the plugin reading its role reports it.
            var document = documents.Read(bytes, new DocxReadOptions(MaxDocumentXmlCharacters));
            // The features sit in the first pages (the form's first table, the report's 目录 and first headings). Each
            // paragraph is looked at alone: no label spans two, and the text joined up was garbage at once.
            var read = 0;
            foreach (var paragraph in document.AllParagraphs().TakeWhile(_ => read < MaxTextChars))
            {
                features.Scan(paragraph.Text);
                read += paragraph.Text.Length + 1;
            }

            return features;
        }
        catch (DocxDefectException)
        {
            return new RoleFeatures(); // word/document.xml without a body: no text to judge by, as before the reader
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException
                                       or XmlException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static bool HoldsWordDocument(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        return archive.GetEntry("word/document.xml") is not null;
    }

    /// <summary>The UTF-16 text of a legacy Word file (Chinese text is stored as UTF-16LE in the WordDocument stream);
    /// null for an encrypted OOXML file, which is an OLE container with an EncryptionInfo stream.</summary>
    private static string? OleText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }

        if (bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0)
        {
            return null;
        }

        // Features are searched as UTF-16LE byte sequences at both alignments, so no full OLE parse is needed.
        var found = new StringBuilder();
        foreach (var feature in RoleFeatures.FormLabels.Concat(RoleFeatures.ReportHeadings))
        {
            if (bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(feature)) >= 0)
            {
                found.Append(feature).Append(' ');
            }
        }

        return found.ToString();
    }

    private static bool IsManifest(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxManifestBytes)
            {
                return false;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.EnumerateObject().Any(p => s_manifestKeys.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is JsonException or IOException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>What <see cref="FileRoleDetector"/> decided for a file.</summary>
/// <param name="Role">The role; the main one (most pages) when the file holds several documents.</param>
/// <param name="Pages">The page ranges with their roles when the file holds several documents; else empty.</param>
public sealed record FileRoles(FileRole Role, IReadOnlyList<PageRange> Pages);

/// <summary>Which of the form's labels and the report's headings a text holds, found piece by piece.</summary>
internal sealed class RoleFeatures
{
    // The form's table labels and the report's section headings (notice 附件1 / 附件2).
    public static readonly string[] FormLabels = ["案例名称", "申报单位名称", "案例类型", "创造人", "推荐单位意见"];
    public static readonly string[] ReportHeadings = ["企业概况", "案例内容", "绩效表现", "应用场景"];

    private readonly bool[] _formLabels = new bool[FormLabels.Length];
    private readonly bool[] _reportHeadings = new bool[ReportHeadings.Length];

    public int FormLabelsFound => _formLabels.Count(found => found);

    public int ReportHeadingsFound => _reportHeadings.Count(found => found);

    public void Scan(string text)
    {
        Scan(text, FormLabels, _formLabels);
        Scan(text, ReportHeadings, _reportHeadings);
    }

    private static void Scan(string text, string[] features, bool[] found)
    {
        for (var i = 0; i < features.Length; i++)
        {
            found[i] |= !found[i] && text.Contains(features[i], StringComparison.Ordinal);
        }
    }
}
