using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Checks;
using CaseIngest.Plugins.FormFields.Locating;
using CaseIngest.Plugins.FormFields.Scans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.FormFields;

/// <summary>Reads the application form (附件1) into <c>record.form</c> and checks it against the form rules.</summary>
internal sealed class FormFieldsStep(FormLocator locator, FormChecks checks, IOptions<FormFieldsOptions> options) : ISubmissionStep
{
    // Any file but the manifest may be, or hide, the form: a document of another role, or a scan named as the form.
    public bool CanRun(SubmissionContext context) => context.Files.Any(f => f.Role != FileRole.Manifest);

    public async Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var located = await locator.LocateAsync(context, settings, cancellationToken);
        foreach (var (file, issue) in located.Problems)
        {
            Add(context, file, issue);
        }

        if (located.File is null || located.Form is null)
        {
            context.Logger.LogWarning("No readable form in the package; {Problems} problem(s) reported", located.Problems.Count);
            return;
        }

        context.Record.Form = located.Form.Form;
        if (located.Scan is { } scan)
        {
            context.Record.Form.FieldConfidence = located.Form.FieldConfidence.ToDictionary(f => f.Key, f => Math.Round(f.Value, 3), StringComparer.Ordinal);
            ScannedFormPages.Claim(context.Record, located.File, scan.Pages, scan.PagesLookedAt);
            FieldConfidenceFindings.Add(context, located.File, context.Record.Form.FieldConfidence, settings.LowConfidenceThreshold);
        }

        var issues = checks.Check(located.Form);
        foreach (var issue in issues)
        {
            Add(context, located.File, issue);
        }

        if (context.Logger.IsEnabled(LogLevel.Information))
        {
            context.Logger.LogInformation("Read the form from {File}: {Blocks} blocks, {Issues} finding(s)",
                located.File.Name, located.Form.Score, issues.Count);
        }
    }

    private static void Add(SubmissionContext context, PackageFile file, FormIssue issue)
    {
        context.AddFinding(issue.Code, issue.Message, issue.Evidence,
            new FindingLocation { File = file.Name, Section = issue.Section }, issue.Measured, issue.Limit);
    }
}
