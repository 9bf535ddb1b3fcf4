using System.Diagnostics;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Measuring;
using CaseIngest.Plugins.StructureChecks.Reading;
using CaseIngest.Plugins.StructureChecks.Rules;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Plugins.StructureChecks;

/// <summary>Reads the case report (附件2), fills <c>record.report</c> and checks the report's writing rules.</summary>
internal sealed class StructureChecksStep(RuleSetCatalog ruleSets, ReportFileReader reader, IEnumerable<IReportRule> rules, PatternCache patterns)
    : ISubmissionStep
{
    public bool CanRun(SubmissionContext context) => context.FirstOf(FileRole.Report) is not null;

    public async Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var file = context.FirstOf(FileRole.Report);
        if (file is null)
        {
            return;
        }

        var ruleSet = ruleSets.Select(context.RuleSet, context.Logger);
        var findings = new FindingSink(context, ruleSet, file.Name);
        var watch = Stopwatch.StartNew();
        ReportDocument document;
        try
        {
            document = await reader.ReadAsync(file, ruleSet, cancellationToken);
        }
        catch (ReportUnreadableException e)
        {
            context.Logger.LogWarning("Report {File} could not be read: {Reason}", file.Name, e.Message);
            findings.Add(FindingCodes.UnsupportedFormFormat, "案例报告无法读取", e.Message, section: "案例报告");
            return;
        }

        Check(document, context.Record.Form, ruleSet, findings, context.Record);
        if (context.Logger.IsEnabled(LogLevel.Information))
        {
            context.Logger.LogInformation(
                "Report {File} read and checked in {ElapsedMs} ms under {RuleSet}: {BodyWords} 字, {Tables} tables, {Pictures} pictures, {Findings} findings",
                file.Name, watch.ElapsedMilliseconds, ruleSet.Version, context.Record.Report?.BodyWordCount, document.TableCount,
                document.PictureCount, context.Record.Findings.Count);
        }
    }

    /// <summary>Measures and checks a report already read (also what a re-check after a rule change runs).</summary>
    internal void Check(ReportDocument document, FormSection? form, RuleSet ruleSet, FindingSink findings, CaseRecord record)
    {
        ReportStructurer.PreferTitle(document.Paragraphs, form?.CaseName);
        var measurement = ReportMeasurer.Measure(document, ruleSet, patterns);
        record.Report = measurement.Report;
        var check = new ReportCheck(document, measurement, form, ruleSet);
        foreach (var rule in rules)
        {
            rule.Check(check, findings);
        }

        if (!document.HasFormatting)
        {
            findings.Add(FindingCodes.FormatRulesSkipped, "案例报告不是 .docx，未检查字体、字号、行距和页面",
                $"“{document.FileName}”是 PDF：只检查了字数、结构和措辞", section: "格式");
        }
    }
}
