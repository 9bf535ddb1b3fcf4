using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Counting;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一(一): 案例名称 ≤ 20 字.</summary>
internal sealed class TitleLengthRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (check.Measurement.Report.Title is not { Length: > 0 } title)
        {
            return;
        }

        var count = WordCounter.Count(title);
        var limit = check.RuleSet.TitleMaxChars;
        if (count > limit)
        {
            findings.Add(FindingCodes.TitleTooLong, $"案例名称 {count} 字，超过 {limit} 字",
                $"“{title}”（{count} 字；{FindingSink.CountNote}）", count, limit, check.Document.Title, "题目");
        }
    }
}

/// <summary>附件2 一(一): the title does not carry the company's own name, full or short.</summary>
internal sealed class TitleCompanyNameRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (check.Measurement.Report.Title is not { Length: > 0 } title)
        {
            return;
        }

        var applicant = check.Form?.Applicant;
        if (string.IsNullOrWhiteSpace(applicant) && check.Document.CompanyLine?.Text.Trim() is { } line &&
            (check.RuleSet.CompanySuffixes ?? []).Any(s => line.EndsWith(s, StringComparison.Ordinal)))
        {
            // Without the form, the company line under the title is the best witness of the name — when it is one.
            applicant = line;
        }

        var compact = title.Replace(" ", "").Replace("\u3000", "");
        var hit = CompanyNameVariants.Of(applicant, check.Document, check.RuleSet)
            .FirstOrDefault(v => compact.Contains(v.Name, StringComparison.Ordinal));
        if (hit.Name is null)
        {
            return;
        }

        findings.Add(FindingCodes.TitleHasCompanyName, $"案例名称含企业名称“{hit.Name}”",
            $"“{title}”含“{hit.Name}”（{hit.Why}；申报单位：{applicant}）", at: check.Document.Title, section: "题目");
    }
}

/// <summary>附件2 一(一): no letter abbreviations (MES, AI, 5G…) in the title.</summary>
internal sealed partial class TitleAbbreviationRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (check.Measurement.Report.Title is not { Length: > 0 } title)
        {
            return;
        }

        var allowed = check.RuleSet.AllowedTitleTokens ?? [];
        var tokens = LatinToken().Matches(title).Select(m => m.Value)
            .Where(t => t.Any(char.IsLetter) && !allowed.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Distinct().ToList();
        if (tokens.Count == 0)
        {
            return;
        }

        findings.Add(FindingCodes.TitleHasAbbreviation, $"案例名称含字母缩写“{string.Join("、", tokens)}”",
            $"“{title}”含 {string.Join("、", tokens)}，案例名称应使用中文全称", tokens.Count, 0, check.Document.Title, "题目");
    }

    [GeneratedRegex(@"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[.\-][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*")]
    private static partial Regex LatinToken();
}

/// <summary>附件1/附件2: the form's 案例名称 is the report's title.</summary>
internal sealed partial class CaseNameMatchRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var caseName = check.Form?.CaseName;
        var title = check.Measurement.Report.Title;
        if (string.IsNullOrWhiteSpace(caseName) || string.IsNullOrWhiteSpace(title) || Normalize(caseName) == Normalize(title))
        {
            return;
        }

        findings.Add(FindingCodes.CaseNameMismatch, "申报表的案例名称与案例报告题目不一致",
            $"申报表：“{caseName.Trim()}”；案例报告：“{title}”", at: check.Document.Title, section: "题目");
    }

    private static string Normalize(string text) => Ignorable().Replace(text, "").ToUpperInvariant();

    [GeneratedRegex(@"[\s\u3000“”""'‘’《》〈〉「」『』]")]
    private static partial Regex Ignorable();
}
