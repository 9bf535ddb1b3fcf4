using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>Picks the rule set a submission is checked under (<c>context.RuleSet</c>).</summary>
internal sealed class RuleSetCatalog(IOptions<StructureChecksOptions> options)
{
    public const string BuiltInVersion = "edition-8";

    public static RuleSet CreateBuiltIn()
    {
        var ruleSet = new RuleSet { Version = BuiltInVersion };
        ruleSet.ApplyDefaults();
        return ruleSet;
    }

    public RuleSet Select(string? requested, ILogger logger)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(requested) && o.RuleSets.TryGetValue(requested, out var ruleSet))
        {
            return ruleSet;
        }

        logger.LogWarning("Rule set {Requested} is not configured for StructureChecks; checking under {Fallback}", requested, o.DefaultRuleSet);
        return o.RuleSets[o.DefaultRuleSet];
    }
}
