using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Documents.Pages;
using CaseIngest.Plugins.FormFields.Checks;
using CaseIngest.Plugins.FormFields.Parsing;
using CaseIngest.Plugins.FormFields.Scans;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Plugins.FormFields.Locating;

/// <summary>The form found in a package, or the reasons none could be read.</summary>
internal sealed record LocatedForm(PackageFile? File, ParsedForm? Form, List<(PackageFile File, FormIssue Issue)> Problems)
{
    /// <summary>Set when the form was read by OCR from a scan: the pages of <see cref="File"/> that hold it.</summary>
    public ScannedForm? Scan { get; init; }
}

/// <summary>
/// Finds the form. The host decides file roles (by content, in one place): when it took files for the form, those are
/// read and no other file is second-guessed; a file taken for the form that shows none of the form's blocks is reported
/// as such. Only when the host found no form are the package's other Word and PDF files searched by content, since a
/// form may sit inside a larger document (the host files that as the report or as other), and last the scans, since
/// the host cannot read a scan and files every one as a signature page: the form may have been sent only as a scan.
/// </summary>
internal sealed class FormLocator(FormFileReader reader, FormLayoutParser parser, ScanFormReader scans)
{
    private static readonly string[] s_documentExtensions = [".docx", ".docm", ".dotx", ".pdf", ".doc", ".wps", ".rtf", ".odt"];

    public async Task<LocatedForm> LocateAsync(SubmissionContext context, FormFieldsOptions options, CancellationToken cancellationToken)
    {
        var declared = context.FilesOf(FileRole.Form).ToList();
        return declared.Count > 0
            ? await ReadDeclaredAsync(declared, options, cancellationToken)
            : await SearchAsync(context, options, cancellationToken);
    }

    /// <summary>The files the host took for the form, in order: the first that reads as the form is it.</summary>
    private async Task<LocatedForm> ReadDeclaredAsync(List<PackageFile> declared, FormFieldsOptions options, CancellationToken cancellationToken)
    {
        var problems = new List<(PackageFile, FormIssue)>();
        var notForms = new List<PackageFile>();
        foreach (var file in declared)
        {
            var (parsed, problem) = await TryReadAsync(file, options, cancellationToken);
            if (problem is not null)
            {
                problems.Add((file, problem));
            }
            else if (parsed is not null && parsed.Score >= options.MinimumBlocks)
            {
                return new LocatedForm(file, parsed, problems);
            }
            else
            {
                notForms.Add(file);
            }
        }

        if (problems.Count == 0 && notForms.Count > 0)
        {
            problems.Add((notForms[0], new FormIssue(FindingCodes.UnsupportedFormFormat,
                $"文件中找不到申报表（附件1）的栏目，无法提取申报信息。{FormFileReader.SendDocx}",
                $"{notForms[0].Name}：未见案例名称、申报单位名称、案例类型、指标、联系人、创造人等栏目", "申报表")));
        }

        return new LocatedForm(null, null, problems);
    }

    /// <summary>No file was taken for the form: the package's other documents are searched by content.</summary>
    private async Task<LocatedForm> SearchAsync(SubmissionContext context, FormFieldsOptions options, CancellationToken cancellationToken)
    {
        var problems = new List<(PackageFile, FormIssue)>();
        var others = context.Files
            .Where(f => f.Role is FileRole.Other or FileRole.Report && s_documentExtensions.Contains(f.Extension))
            .OrderBy(f => f.Role == FileRole.Report) // a stray form is likelier among "other" files than inside the report
            .ToList();

        var legacyCandidates = new List<(PackageFile, FormIssue)>();
        foreach (var file in others)
        {
            var (parsed, problem) = await TryReadAsync(file, options, cancellationToken);
            if (parsed is not null && parsed.Score >= options.MinimumBlocks)
            {
                if (context.Logger.IsEnabled(LogLevel.Information))
                {
                    context.Logger.LogInformation("The form was found in {File}, a file of role {Role}", file.Name, file.Role);
                }
                return new LocatedForm(file, parsed, problems);
            }

            // An unreadable Word file that is not the report may well be the form sent in the wrong format.
            if (problem is not null && file.Role == FileRole.Other && file.Extension is ".doc" or ".wps" or ".rtf" or ".odt" or ".docx")
            {
                legacyCandidates.Add((file, problem));
            }
        }

        problems.AddRange(legacyCandidates);
        if (options.ReadScans && await SearchScansAsync(context, options, cancellationToken) is { } scanned)
        {
            return scanned with { Problems = problems };
        }

        if (problems.Count == 0 && ScannedFormByName(context) is { } scan)
        {
            // Only the name tells that this scan was meant as the form: no page of it shows the form's table and labels.
            problems.Add((scan, Unsupported($"申报表似乎只有扫描件，且无法识别出申报表的表格和栏目。{FormFileReader.SendDocx}（盖章页另附扫描件）",
                $"{scan.Name}：扫描件/图片，未识别出申报表")));
        }

        return new LocatedForm(null, null, problems);
    }

    /// <summary>The scans (every file or page range the host took for signature pages), looked at for the form's table;
    /// the first whose pages read as the form is it.</summary>
    private async Task<LocatedForm?> SearchScansAsync(SubmissionContext context, FormFieldsOptions options, CancellationToken cancellationToken)
    {
        foreach (var file in context.FilesOf(FileRole.StampPage).Where(f => ScanFormReader.Reads(f.Extension) && f.Bytes <= options.MaxFileBytes))
        {
            ScannedForm? scan;
            try
            {
                scan = await scans.ReadAsync(file, file.PagesOf(FileRole.StampPage), context.Logger, cancellationToken);
            }
            catch (PageRenderException ex)
            {
                // A scan whose pages cannot be rendered holds no form this plugin can read; what is wrong with the file
                // is the signature-page check's to report, and the form is then looked for no further in it.
                context.Logger.LogWarning("The scan {File} was not looked at for the form: {Problem}", file.Name, ex.Message);
                continue;
            }

            if (scan is null)
            {
                continue;
            }

            var parsed = parser.Parse(scan.Layout);
            if (parsed.Score >= options.MinimumBlocks)
            {
                if (context.Logger.IsEnabled(LogLevel.Information))
                {
                    context.Logger.LogInformation("The form was read by OCR from the scan {File}, pages {Pages}", file.Name, string.Join(",", scan.Pages));
                }

                return new LocatedForm(file, parsed, []) { Scan = scan };
            }
        }

        return null;
    }

    private async Task<(ParsedForm? Parsed, FormIssue? Problem)> TryReadAsync(PackageFile file, FormFieldsOptions options, CancellationToken cancellationToken)
    {
        if (file.Bytes > options.MaxFileBytes)
        {
            return (null, Unsupported($"申报表文件过大（{file.Bytes} 字节，上限 {options.MaxFileBytes} 字节），未读取", $"{file.Name}：{file.Bytes} 字节"));
        }

        if (file.ConversionProblem is not null)
        {
            return (null, Unsupported($"申报表“{file.Name}”无法转换为 .docx：{file.ConversionProblem}。{FormFileReader.SendDocx}",
                $"{file.Name}：{file.ConversionProblem}"));
        }

        byte[] bytes;
        try
        {
            await using var stream = file.OpenRead();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        catch (IOException ex)
        {
            return (null, Unsupported("申报表文件无法读取", $"{file.Name}：{ex.Message}"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // A file holding the form among other documents is read on the form's pages only; a file taken for another role
        // as a whole (PagesOf: null) is searched whole, as before.
        var pages = file.Pages.Count > 0 && file.Holds(FileRole.Form) ? file.PagesOf(FileRole.Form) : null;
        var read = reader.Read(bytes, options, pages);
        if (read.Layout is null)
        {
            return (null, Unsupported($"{read.Problem}。{FormFileReader.SendDocx}", $"{file.Name}：{read.Detail}"));
        }

        return (parser.Parse(read.Layout), null);
    }

    private static PackageFile? ScannedFormByName(SubmissionContext context) =>
        context.Files.FirstOrDefault(f => f.Role is FileRole.StampPage or FileRole.Other
            && f.Extension is ".jpg" or ".jpeg" or ".png" or ".tif" or ".tiff" or ".bmp" or ".pdf"
            && Path.GetFileName(f.Name) is var name
            && (name.Contains("申报表", StringComparison.Ordinal) || name.Contains("申报书", StringComparison.Ordinal))
            && !(name.Contains("盖章", StringComparison.Ordinal) || name.Contains("签字", StringComparison.Ordinal) || name.Contains("签章", StringComparison.Ordinal)));

    private static FormIssue Unsupported(string message, string evidence) =>
        new(FindingCodes.UnsupportedFormFormat, message, evidence, "申报表");
}
