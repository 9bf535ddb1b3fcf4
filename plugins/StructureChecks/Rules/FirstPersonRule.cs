using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(一): the report speaks of the company in the third person. A self-reference (我们, 我公司,
/// 本公司…) counts; 我国/我省 does not, nor 自我 (自我部署), nor anything inside quotation marks (a quoted slogan or
/// interview).</summary>
internal sealed class FirstPersonRule : IReportRule
{
    private const int MaxExamples = 5;

    public void Check(ReportCheck check, FindingSink findings)
    {
        var terms = check.RuleSet.FirstPersonTerms ?? [];
        // 自我 (自我部署, 自我们…) is never a self-reference of the company.
        var exceptions = (check.RuleSet.FirstPersonExceptions ?? []).Concat(terms.Where(t => t.StartsWith('我')).Select(t => "自" + t)).ToList();
        var hits = WordingHits.Find(check.Document, terms, exceptions);
        if (hits.Count == 0)
        {
            return;
        }

        findings.Add(FindingCodes.FirstPerson,
            $"案例报告使用第一人称（{WordingHits.Terms(hits)}）{hits.Count} 处，应使用第三人称",
            WordingHits.Evidence(hits, MaxExamples), hits.Count, 0, hits[0].Paragraph);
    }
}
