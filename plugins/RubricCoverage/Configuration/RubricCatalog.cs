using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>The rubrics per rule set: the embedded ones, replaced by any the configuration gives. Compiled once.</summary>
internal sealed class RubricCatalog
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly string[] s_embedded = ["edition-8"];

    private readonly Dictionary<string, CompiledRubric> _rubrics;
    private readonly string _default;

    public RubricCatalog(IOptions<RubricCoverageOptions> options)
    {
        var settings = options.Value;
        var rubrics = s_embedded.ToDictionary(e => e, Embedded, StringComparer.OrdinalIgnoreCase);
        foreach (var (edition, rubric) in settings.Rubrics)
        {
            rubric.Edition = string.IsNullOrEmpty(rubric.Edition) ? edition : rubric.Edition;
            rubrics[edition] = rubric;
        }

        _rubrics = rubrics.ToDictionary(r => r.Key, r => CompiledRubric.Compile(r.Value), StringComparer.OrdinalIgnoreCase);
        _default = settings.DefaultRubric;
    }

    /// <summary>The rubric of a rule set, or the default one (logged) when the rule set has none.</summary>
    public CompiledRubric For(string ruleSet, ILogger logger)
    {
        if (_rubrics.TryGetValue(ruleSet, out var rubric))
        {
            return rubric;
        }

        logger.LogWarning("No rubric for rule set {RuleSet}; using {DefaultRubric}", ruleSet, _default);
        return _rubrics[_default];
    }

    /// <summary>The embedded rubric of an edition (DESIGN.md's for edition-8).</summary>
    public static Rubric Embedded(string edition)
    {
        using var stream = typeof(RubricCatalog).Assembly.GetManifestResourceStream($"CaseIngest.Plugins.RubricCoverage.{edition}.json")
                           ?? throw new InvalidOperationException($"No embedded rubric {edition}");
        return JsonSerializer.Deserialize<Rubric>(stream, s_json) ?? throw new InvalidOperationException($"Embedded rubric {edition} is empty");
    }
}
