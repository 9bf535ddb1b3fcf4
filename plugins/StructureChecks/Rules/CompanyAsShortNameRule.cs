using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 二(一) "不要以‘公司’简称": bare 公司 standing for the company itself ("公司于2022年启动…",
/// "由公司数字港口运营中心负责"). 公司 that ends a name (有限公司, 集团公司, 科技公司), another company (子公司, 母公司,
/// 该公司, 两家公司) or a legal term (公司治理, 《公司法》) is not a short name: bare 公司 opens a clause, or follows a
/// word that takes a subject or object (由, 与, 为, 在, 2022年…). 本公司 / 我公司 are <c>first_person</c>.</summary>
internal sealed class CompanyAsShortNameRule : IReportRule
{
    private const string Word = "公司";

    public void Check(ReportCheck check, FindingSink findings)
    {
        var leads = check.RuleSet.CompanyShortNameLeads ?? [];
        var hits = WordingHits.Find(check.Document, [Word], check.RuleSet.CompanyShortNameExceptions ?? [])
            .Where(h => StandsAlone(h.Paragraph.Text, h.At, leads)).ToList();
        if (hits.Count == 0)
        {
            return;
        }

        findings.Add(FindingCodes.CompanyAsShortName,
            $"案例报告以“公司”简称申报单位 {hits.Count} 处，应使用企业全称或规范简称",
            WordingHits.Evidence(hits), hits.Count, 0, hits[0].Paragraph);
    }

    /// <summary>Nothing of a name before it: the start of the text, punctuation, or a word the rule set lists as leading
    /// a noun (由, 与, 年…). An ideograph, letter or digit before it is the end of a name (有限公司, A公司).</summary>
    private static bool StandsAlone(string text, int at, IReadOnlyList<string> leads)
    {
        if (at == 0)
        {
            return true;
        }

        var before = text[at - 1];
        if (!WordCounter.IsIdeograph(before) && !char.IsLetterOrDigit(before))
        {
            return true;
        }

        foreach (var lead in leads)
        {
            if (at >= lead.Length && string.CompareOrdinal(text, at - lead.Length, lead, 0, lead.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
