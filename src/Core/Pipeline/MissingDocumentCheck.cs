using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Pipeline;

/// <summary>
/// missing_document for each of the form, the report and the signature pages that no file of the package holds. It runs
/// after the plugins, on <c>record.files</c> as they leave it: the host decides roles by content but cannot read a scan,
/// so the form plugin may find the form on a scan the host took for a signature page, and records those pages as the
/// form's (<c>files[].pages</c>).
/// </summary>
public sealed class MissingDocumentCheck : IRecordEnricher
{
    private static readonly (FileRole Role, string Label)[] s_documents =
    [
        (FileRole.Form, "申报表（附件1）"),
        (FileRole.Report, "案例报告（附件2）"),
        (FileRole.StampPage, "盖章页扫描件"),
    ];

    public string Name => HostFindings.PluginName;

    public Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (role, label) in s_documents.Where(d => !record.Files.Any(f => f.Role == d.Role || f.Pages?.Any(p => p.Role == d.Role) == true)))
        {
            record.Findings.Add(new Finding
            {
                Code = FindingCodes.MissingDocument,
                Severity = FindingSeverities.DefaultOf(FindingCodes.MissingDocument, Severity.Error),
                Message = $"申报包中没有{label}",
                Evidence = $"{role}: none of {record.Files.Count} files",
            });
        }

        return Task.CompletedTask;
    }
}
