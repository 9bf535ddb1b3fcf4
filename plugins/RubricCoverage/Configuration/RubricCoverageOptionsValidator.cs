using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>Checks the settings at start: a rubric from configuration that cannot be used stops the host with every
/// problem named, instead of failing each package.</summary>
internal sealed class RubricCoverageOptionsValidator : IValidateOptions<RubricCoverageOptions>
{
    public ValidateOptionsResult Validate(string? name, RubricCoverageOptions options)
    {
        var problems = new List<string>();
        if (options.MaxEvidence < 1)
        {
            problems.Add($"Plugins:RubricCoverage:MaxEvidence is {options.MaxEvidence}; it must be at least 1");
        }

        if (options.QuoteLength < 10)
        {
            problems.Add($"Plugins:RubricCoverage:QuoteLength is {options.QuoteLength}; it must be at least 10");
        }

        foreach (var (edition, rubric) in options.Rubrics)
        {
            problems.AddRange(CompiledRubric.Problems(rubric).Select(p => $"Plugins:RubricCoverage:Rubrics:{edition}: {p}"));
        }

        if (!options.Rubrics.ContainsKey(options.DefaultRubric) && options.DefaultRubric != "edition-8")
        {
            problems.Add($"Plugins:RubricCoverage:DefaultRubric '{options.DefaultRubric}' names no rubric");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
