using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Scoring;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Support;

/// <summary>The plugin's analysis on the embedded edition-8 rubric, as the step runs it.</summary>
public static class Coverage
{
    internal static CompiledRubric Rubric { get; } = CompiledRubric.Compile(RubricCatalog.Embedded("edition-8"));

    internal static CoverageAnalyzer Analyzer { get; } = new(Options.Create(new RubricCoverageOptions()));

    public static EvaluationSection Analyze(ReportSection report) => Analyzer.Analyze(report, Rubric);
}
