using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Scoring;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Plugins.RubricCoverage;

/// <summary>Finds, per 二级指标 of the edition's rubric, whether the case report covers it and where
/// (<c>record.evaluation.coverage</c>), and notes each point not covered (<c>rubric_point_missing</c>, info).
/// Reads the report as StructureChecks left it (<c>record.report</c>: text and outline).</summary>
internal sealed class RubricCoverageStep(RubricCatalog rubrics, CoverageAnalyzer analyzer) : ISubmissionStep
{
    public bool CanRun(SubmissionContext context) => context.FirstOf(FileRole.Report) is not null;

    public Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var report = context.Record.Report;
        if (string.IsNullOrWhiteSpace(report?.Text))
        {
            // The report could not be read (StructureChecks said so): there is nothing to evaluate.
            context.Logger.LogInformation("No report text: rubric coverage not found");
            return Task.CompletedTask;
        }

        var watch = Stopwatch.StartNew();
        var rubric = rubrics.For(context.RuleSet, context.Logger);
        var evaluation = analyzer.Analyze(report, rubric);
        context.Record.Evaluation = evaluation;
        var file = context.FirstOf(FileRole.Report)?.Name;
        foreach (var point in rubric.Points)
        {
            var coverage = evaluation.Coverage[point.Id];
            if (!coverage.Covered)
            {
                AddMissing(context, point, coverage, file);
            }
        }

        if (context.Logger.IsEnabled(LogLevel.Information))
        {
            context.Logger.LogInformation("Rubric {Rubric}: {Covered} of {Points} points covered in {ElapsedMs} ms",
                rubric.Rubric.Edition, evaluation.Coverage.Values.Count(c => c.Covered), rubric.Points.Count, watch.Elapsed.TotalMilliseconds);
        }

        return Task.CompletedTask;
    }

    private static void AddMissing(SubmissionContext context, CompiledPoint point, PointCoverage coverage, string? file)
    {
        var nearest = coverage.Evidence.FirstOrDefault();
        var where = $"全文各段（“{point.Dimension.Name}”部分优先）";
        var evidence = nearest is null
            ? $"{point.Id} {point.Point.Name}：查找范围{where}，没有相关表述"
            : string.Create(CultureInfo.InvariantCulture,
                $"{point.Id} {point.Point.Name}：查找范围{where}；最接近的是第 {nearest.Paragraph + 1} 段“{nearest.Quote}”（{nearest.Score:0.##}，需 {coverage.Threshold:0.##}；{string.Join("、", nearest.Signals)}）");
        context.AddFinding(FindingCodes.RubricPointMissing,
            $"案例报告未见二级指标“{point.Id} {point.Point.Name}”的相关内容", evidence,
            new FindingLocation { File = file, Section = nearest?.Section ?? point.Dimension.Name, Paragraph = nearest?.Paragraph },
            measured: coverage.Score, limit: coverage.Threshold);
    }
}
