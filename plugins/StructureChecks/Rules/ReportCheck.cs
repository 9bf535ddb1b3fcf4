using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Measuring;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>What a rule looks at: the report as read, its figures, the form's fields (when FormFields found a form)
/// and the rule set in force.</summary>
internal sealed record ReportCheck(ReportDocument Document, ReportMeasurement Measurement, FormSection? Form, RuleSet RuleSet);

/// <summary>One writing rule of 附件2. Rules are stateless: one instance serves every package.</summary>
internal interface IReportRule
{
    void Check(ReportCheck check, FindingSink findings);
}

/// <summary>Adds findings for one report, where the rule set checks their code, located in the file.</summary>
internal sealed class FindingSink(SubmissionContext context, RuleSet ruleSet, string fileName)
{
    public const string CountNote = "按 " + WordCounter.Description;

    public bool IsEnabled(string code) => ruleSet.IsEnabled(code);

    public void Add(string code, string message, string? evidence = null, double? measured = null,
        double? limit = null, ReportParagraph? at = null, string? section = null)
    {
        if (!ruleSet.IsEnabled(code))
        {
            return;
        }

        var location = new FindingLocation { File = fileName, Section = section ?? at?.Section, Paragraph = at?.Index };
        context.AddFinding(code, message, evidence, location, measured, limit);
    }

    /// <summary>A short excerpt of a paragraph for evidence.</summary>
    public static string Excerpt(string text, int max = 40)
    {
        var oneLine = text.Replace('\n', ' ').Replace('\t', ' ').Trim();
        return oneLine.Length <= max ? oneLine : oneLine[..max] + "…";
    }
}
