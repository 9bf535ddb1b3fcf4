using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using MiniExcelLibs;

namespace CaseIngest.Web.Exports;

/// <summary>Every package's verdict and findings for the review meeting: a sheet of packages, a sheet of findings and a
/// sheet per recommender and edition (submitted, within quota, over quota, late).
/// No contact details whoever exports it: the meeting needs none (a finding such as invalid_contact quotes one).</summary>
internal static class VerdictSpreadsheet
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        var packages = new List<Dictionary<string, object?>>();
        var findings = new List<Dictionary<string, object?>>();
        var all = new List<CaseRecord>();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            all.Add(record);
            var r = ContactRedaction.Redact(record);
            packages.Add(new Dictionary<string, object?>
            {
                ["编号"] = r.SubmissionId,
                ["届次"] = r.Edition,
                ["推荐单位"] = r.Form?.Recommender ?? r.Recommender,
                ["推荐单位（名录）"] = r.RecommenderNormalized,
                ["申报单位"] = r.Form?.Applicant,
                ["案例名称"] = CaseFacts.Title(r),
                ["案例类型"] = CaseFacts.EffectiveType(r),
                ["审查结论"] = ExportLabels.Verdict(r.Verdict),
                ["结论代码"] = CaseRecordJson.Name(r.Verdict),
                ["错误数"] = r.Findings.Count(f => f.Severity == Severity.Error),
                ["警告数"] = r.Findings.Count(f => f.Severity == Severity.Warning),
                ["问题代码"] = string.Join(", ", r.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct()),
                ["提交时间"] = r.SubmittedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            });
            findings.AddRange(r.Findings.Select(f => new Dictionary<string, object?>
            {
                ["编号"] = r.SubmissionId,
                ["级别"] = ExportLabels.Severity(f.Severity),
                ["代码"] = f.Code,
                ["问题"] = ExportLabels.Finding(f.Code),
                ["说明"] = f.Message,
                ["证据"] = f.Evidence,
                ["文件"] = f.Location?.File,
                ["位置"] = f.Location?.Section,
                ["插件"] = f.Plugin,
            }));
        }

        var sheets = new Dictionary<string, object>
        {
            ["申报包"] = SpreadsheetCells.Neutralise(packages.OrderBy(p => (string)p["编号"]!, StringComparer.Ordinal)),
            ["问题清单"] = SpreadsheetCells.Neutralise(findings),
            ["推荐单位名额"] = SpreadsheetCells.Neutralise(Intake.RecommenderQuotas.FromRecords(all).Select(q => new Dictionary<string, object?>
            {
                ["届次"] = q.Edition,
                ["推荐单位"] = q.Recommender,
                ["已报送"] = q.Submitted,
                ["名额内"] = q.WithinQuota,
                ["超出名额"] = q.OverQuota,
                ["逾期提交"] = q.Late,
            })),
        };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
    }
}
