using System.IO.Compression;
using CaseIngest.Documents.Files;
using CaseIngest.Plugins.FormFields.Layout;
using UglyToad.PdfPig.Exceptions;

namespace CaseIngest.Plugins.FormFields.Locating;

/// <summary>A file read as a possible form: its layout, or why it cannot be read, in words for the submitter.</summary>
internal sealed record FormFileRead(FormLayout? Layout, string? Problem, string? Detail);

/// <summary>Opens a file by what its bytes are (not its name) and turns every failure into a reason, never an exception.</summary>
internal sealed class FormFileReader(DocxLayoutReader docx, PdfLayoutReader pdf)
{
    public const string SendDocx = "请发送附件1 申报表的 .docx 文件";

    /// <param name="pages">The form's pages of a PDF that holds other documents too; null: the whole file.</param>
    public FormFileRead Read(byte[] bytes, FormFieldsOptions options, IReadOnlySet<int>? pages = null)
    {
        var kind = FileKinds.Of(bytes);
        try
        {
            return kind switch
            {
                FileKind.Zip => ReadDocx(bytes, options.MaxExpandedBytes),
                FileKind.Pdf when options.ReadPdf => ReadPdf(bytes, pages),
                FileKind.Pdf => Problem("申报表为 PDF，本系统设置为不读取 PDF 申报表", "PDF 文件"),
                FileKind.Ole when FileKinds.IsEncryptedOoxml(bytes) => Problem("申报表文件设有打开密码（已加密），无法读取", "OLE 复合文档中含 EncryptedPackage（加密的 .docx）"),
                FileKind.Ole => Problem("申报表为旧版 Word 97-2003 (.doc) 格式，无法读取", "文件头为 OLE 复合文档（D0 CF 11 E0），不是 .docx"),
                FileKind.Image => Problem("申报表是扫描件或图片，无法读取填写内容", "图片文件（扫描件）"),
                FileKind.Rtf => Problem("申报表为 RTF 格式，无法读取", "RTF 文件"),
                _ => Problem("申报表文件无法识别，既不是 .docx 也不是 PDF", "文件头不可识别"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return kind == FileKind.Pdf && ex is PdfDocumentEncryptedException
                ? Problem("申报表 PDF 已加密，无法读取", ex.Message)
                : Problem(kind == FileKind.Pdf ? "申报表 PDF 已损坏，无法读取" : "申报表文件已损坏，无法作为 .docx 打开", $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private FormFileRead ReadDocx(byte[] bytes, long maxExpandedBytes)
    {
        // The DOM of word/document.xml is built in memory: refuse a package that expands beyond reason (a zip bomb)
        // before the SDK inflates it. .NET enforces the declared sizes while reading, so they cannot lie.
        using (var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
        {
            var expanded = zip.Entries.Sum(e => e.Length);
            if (expanded > maxExpandedBytes)
            {
                return Problem("申报表文件解压后过大，未读取", $"解压后 {expanded} 字节，上限 {maxExpandedBytes} 字节");
            }
        }

        return new FormFileRead(docx.Read(bytes), null, null);
    }

    private FormFileRead ReadPdf(byte[] bytes, IReadOnlySet<int>? pages)
    {
        var (layout, letters) = pdf.Read(bytes, pages);
        return letters == 0
            ? Problem("申报表 PDF 是扫描件（没有文字层），无法读取填写内容", "PDF 无文字层")
            : new FormFileRead(layout, null, null);
    }

    private static FormFileRead Problem(string problem, string detail) => new(null, problem, detail);
}
