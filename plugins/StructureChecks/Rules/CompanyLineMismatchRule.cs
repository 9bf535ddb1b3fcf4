using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件1/附件2: the company line under the report's title names the form's 申报单位名称 — tolerant of the
/// variants the title rule knows (a short name, a dropped region or legal form, full-width brackets), so only a
/// different company (a subsidiary, a partner, a stale template) warns.</summary>
internal sealed partial class CompanyLineMismatchRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var applicant = check.Form?.Applicant?.Trim();
        var line = check.Measurement.Report.CompanyLine is { } raw ? Label().Replace(raw, "").Trim() : null;
        if (string.IsNullOrWhiteSpace(applicant) || string.IsNullOrWhiteSpace(line) ||
            CompanyNameVariants.SameCompany(line, applicant, check.Document, check.RuleSet))
        {
            return;
        }

        findings.Add(FindingCodes.CompanyLineMismatch, "案例报告的企业名称与申报表的申报单位名称不一致",
            $"案例报告题目下：“{line}”；申报表申报单位名称：“{applicant}”", at: check.Document.CompanyLine, section: "企业名称");
    }

    [GeneratedRegex(@"^\s*(?:申报单位|申报企业|企业名称|单位名称|单位)\s*[:：]\s*")]
    private static partial Regex Label();
}
