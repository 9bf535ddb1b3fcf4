using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(一) "不可用第一或第二人称": no 您 / 你 / 你们 addressing the reader. A quoted letter or remark
/// keeps its own voice, and words that merely hold the character (迷你, 你追我赶) are not an address.</summary>
internal sealed class SecondPersonRule : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        var hits = WordingHits.Find(check.Document, check.RuleSet.SecondPersonTerms ?? [], check.RuleSet.SecondPersonExceptions ?? []);
        if (hits.Count == 0)
        {
            return;
        }

        findings.Add(FindingCodes.SecondPerson,
            $"案例报告使用第二人称（{WordingHits.Terms(hits)}）{hits.Count} 处，应使用第三人称",
            WordingHits.Evidence(hits), hits.Count, 0, hits[0].Paragraph);
    }
}
