using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件2 一(二)2 "需对合作单位、合作内容及方式进行简要介绍": some sentence names a partner with what it did
/// (see <see cref="PartnerRules"/>). The company's own names are blanked first, so "华锐股份与…" is not read as a
/// partner named 华锐股份.</summary>
internal sealed class NoPartnerDescribedRule(PatternCache patterns) : IReportRule
{
    private const char OwnName = '〇';

    public void Check(ReportCheck check, FindingSink findings)
    {
        var rules = check.RuleSet.Partners;
        var ownNames = CompanyNameVariants.Of(check.Form?.Applicant ?? check.Document.CompanyLine?.Text, check.Document, check.RuleSet)
            .Select(v => v.Name).OrderByDescending(n => n.Length).ToList();
        var partnerPatterns = rules.ExpandedPatterns().ToList();
        var undecided = false;
        foreach (var p in check.Document.Paragraphs)
        {
            if (!p.InBody || p.Kind is not (ParagraphKind.Body or ParagraphKind.Heading))
            {
                continue;
            }

            foreach (var (_, sentence) in Sentences.Of(p.Text))
            {
                if ((rules.OwnWork ?? []).Any(w => sentence.Contains(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                var text = sentence;
                foreach (var name in ownNames)
                {
                    text = text.Replace(name, OwnName.ToString(), StringComparison.Ordinal);
                }

                switch (patterns.AnyMatch(partnerPatterns, [text], FindingCodes.NoPartnerDescribed))
                {
                    case PatternVerdict.Match:
                        return;
                    case PatternVerdict.Undecided:
                        undecided = true;
                        break;
                }
            }
        }

        if (undecided)
        {
            return; // a sentence that may name a partner could not be read in time: no finding it cannot stand by
        }

        findings.Add(FindingCodes.NoPartnerDescribed, "案例报告未介绍合作单位及合作内容",
            "正文没有写明合作单位及其承担的工作（如“与…大学联合研发”“由…有限公司提供…”“共建…联合实验室”）；通知要求对合作单位、合作内容及方式进行简要介绍",
            section: check.Measurement.Content.Heading?.Text.Trim() ?? "二、案例内容");
    }
}
