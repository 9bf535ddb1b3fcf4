using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Files;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading.Docx;
using CaseIngest.Plugins.StructureChecks.Reading.Pdf;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.StructureChecks.Reading;

/// <summary>Reads the report file of a package as a .docx or a text PDF, or says why it cannot.</summary>
internal sealed class ReportFileReader(IOptions<StructureChecksOptions> options, DocxDocumentCache documents)
{
    public async Task<ReportDocument> ReadAsync(PackageFile file, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (file.Bytes > o.MaxDocumentBytes)
        {
            throw new ReportUnreadableException($"案例报告“{file.Name}”有 {file.Bytes} 字节，超过上限 {o.MaxDocumentBytes} 字节，未读取。");
        }

        if (file.ConversionProblem is not null)
        {
            throw new ReportUnreadableException(
                $"案例报告“{file.Name}”无法转换为 .docx：{file.ConversionProblem}。请另存为 .docx 后重新提交。");
        }

        byte[] bytes;
        await using (var stream = file.OpenRead())
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        return Read(bytes, file.Name, file.Extension, ruleSet, o, documents, cancellationToken, file.PagesOf(FileRole.Report));
    }

    /// <param name="pages">The report's pages of a PDF that holds other documents too; null: the whole file.</param>
    internal static ReportDocument Read(byte[] bytes, string name, string extension, RuleSet ruleSet, StructureChecksOptions options,
        DocxDocumentCache documents, CancellationToken cancellationToken, IReadOnlySet<int>? pages = null)
    {
        var kind = FileKinds.Of(bytes);
        if (extension == ".pdf" || kind == FileKind.Pdf)
        {
            return PdfReportReader.Read(bytes, name, ruleSet.MaxHeadingChars, options.MaxPdfPages, cancellationToken, pages);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (extension is ".docx" or ".docm" or ".dotx" or ".dotm" || kind == FileKind.Zip)
        {
            return DocxReportReader.Read(bytes, name, ruleSet.MaxHeadingChars, options.MaxDocumentBytes, documents);
        }

        throw new ReportUnreadableException(
            $"案例报告“{name}”的格式（{(extension.Length > 0 ? extension : "无扩展名")}）无法读取：请提交 .docx（或可复制文字的 PDF）。");
    }
}
