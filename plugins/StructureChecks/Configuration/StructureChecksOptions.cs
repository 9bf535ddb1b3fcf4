using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>Settings of the StructureChecks plugin, bound from <c>Plugins:StructureChecks</c>.</summary>
public sealed class StructureChecksOptions
{
    public const string SectionName = "Plugins:StructureChecks";

    /// <summary>The rule set used when the pipeline names one that is not configured.</summary>
    public string DefaultRuleSet { get; set; } = RuleSetCatalog.BuiltInVersion;

    /// <summary>Rule sets by version (<c>edition-8</c>, …); edition-8 is built in.</summary>
    public Dictionary<string, RuleSet> RuleSets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A report's main part larger than this is refused (a zip bomb, not a 6,000-字 report).</summary>
    public long MaxDocumentBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Pages read from a PDF report at most.</summary>
    public int MaxPdfPages { get; set; } = 200;
}

/// <summary>Fills what configuration left out with the built-in edition-8 values.</summary>
internal sealed class StructureChecksOptionsSetup : IPostConfigureOptions<StructureChecksOptions>
{
    public void PostConfigure(string? name, StructureChecksOptions options)
    {
        foreach (var (version, ruleSet) in options.RuleSets)
        {
            if (string.IsNullOrWhiteSpace(ruleSet.Version))
            {
                ruleSet.Version = version;
            }

            ruleSet.ApplyDefaults();
        }

        if (!options.RuleSets.ContainsKey(RuleSetCatalog.BuiltInVersion))
        {
            options.RuleSets[RuleSetCatalog.BuiltInVersion] = RuleSetCatalog.CreateBuiltIn();
        }
    }
}

internal sealed class StructureChecksOptionsValidator : IValidateOptions<StructureChecksOptions>
{
    public ValidateOptionsResult Validate(string? name, StructureChecksOptions options)
    {
        var errors = new List<string>();
        if (!options.RuleSets.ContainsKey(options.DefaultRuleSet))
        {
            errors.Add($"Plugins:StructureChecks:DefaultRuleSet '{options.DefaultRuleSet}' is not a configured rule set.");
        }

        foreach (var (version, r) in options.RuleSets)
        {
            if (r.TitleMaxChars <= 0 || r.BodyMinChars < 0 || r.BodyMaxChars < r.BodyMinChars || r.OverviewMaxChars <= 0 ||
                r.ContentMaxChars <= 0 || r.PerformanceMaxChars <= 0 || r.MaxHeadingDepth <= 0)
            {
                errors.Add($"Plugins:StructureChecks:RuleSets:{version}: limits must be positive and BodyMinChars ≤ BodyMaxChars.");
            }

            if (r.Format.MismatchShare is < 0 or > 1)
            {
                errors.Add($"Plugins:StructureChecks:RuleSets:{version}:Format:MismatchShare must be between 0 and 1.");
            }

            var patterns = (r.Dimensions ?? []).SelectMany(d => d.Patterns)
                .Concat(r.Partners.ExpandedPatterns())
                .Concat((r.Indicators.Wordings ?? []).SelectMany(w => w.Patterns))
                .Append(r.Implementation.GoLivePattern ?? "");
            if (r.Indicators.Tolerance is < 0 or > 1)
            {
                errors.Add($"Plugins:StructureChecks:RuleSets:{version}:Indicators:Tolerance must be between 0 and 1.");
            }

            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern);
                }
                catch (ArgumentException e)
                {
                    errors.Add($"Plugins:StructureChecks:RuleSets:{version}: pattern '{pattern}' is not a regular expression: {e.Message}");
                }
            }
        }

        if (options.MaxDocumentBytes <= 0 || options.MaxPdfPages <= 0)
        {
            errors.Add("Plugins:StructureChecks:MaxDocumentBytes and MaxPdfPages must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
