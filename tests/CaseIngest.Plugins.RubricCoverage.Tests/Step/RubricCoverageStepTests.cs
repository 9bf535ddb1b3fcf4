using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Step;

/// <summary>The step as the host composes it: record.evaluation.coverage, one rubric_point_missing (info) per point
/// not covered, P1's before/after figures, and a rubric from configuration checked at start.</summary>
public sealed class RubricCoverageStepTests
{
    private static readonly PackageFile s_report = new("附件2-案例报告.docx", "/nonexistent/report.docx", FileRole.Report, "00", 1);

    private static async Task<CaseRecord> RunAsync(ReportSection? report, IDictionary<string, string?>? settings = null)
    {
        using var services = PluginSteps.Compose(new RubricCoverageRegistrar(), "Plugins:RubricCoverage", settings);
        using var scope = services.CreateScope();
        var step = PluginSteps.Step(scope.ServiceProvider);
        var record = new CaseRecord { SubmissionId = "G01", Report = report };
        var context = PluginSteps.Context(record, [s_report]);
        Assert.True(step.CanRun(context));
        await step.RunAsync(context, CancellationToken.None);
        return record;
    }

    [Fact]
    public async Task A_report_missing_two_points_gets_coverage_for_all_19_and_two_info_findings_that_say_where_it_looked()
    {
        var record = await RunAsync(GeneratedReport.Build(without: ["T4", "O5"]));

        Assert.Equal("edition-8", record.Evaluation!.Rubric);
        Assert.Equal(19, record.Evaluation.Coverage.Count);
        Assert.Equal(["应用场景", "数智技术能力", "组织与管理变革", "人机协同", "绩效表现"], record.Evaluation.Dimensions.Select(d => d.Name));
        var missing = record.Findings.Where(f => f.Code == FindingCodes.RubricPointMissing).ToList();
        Assert.Equal(["O5", "T4"], missing.Select(f => f.Evidence![..2]).Order());
        Assert.All(missing, f =>
        {
            Assert.Equal(Severity.Info, f.Severity);
            Assert.Null(f.Plugin); // the pipeline runner stamps it
            Assert.Contains("二级指标", f.Message, StringComparison.Ordinal);
            Assert.Contains("查找范围", f.Evidence, StringComparison.Ordinal);
            Assert.Equal("附件2-案例报告.docx", f.Location!.File);
        });
        var t1 = record.Evaluation.Coverage["T1"];
        Assert.True(t1.Covered);
        Assert.Equal("（二）数智技术能力", t1.Evidence[0].Section);
        Assert.Contains("工业互联网平台", t1.Evidence[0].Signals);
    }

    [Fact]
    public async Task P1_carries_the_before_after_figures_the_report_states()
    {
        var record = await RunAsync(GeneratedReport.Build());

        var figures = record.Evaluation!.Coverage["P1"].Figures!;
        var missed = Assert.Single(figures, f => f.Metric.EndsWith("漏检率", StringComparison.Ordinal));
        Assert.Equal((3.2, 0.4, "%"), (missed.Before, missed.After, missed.Unit));
        var time = Assert.Single(figures, f => f.Metric.Contains("单件检验时间", StringComparison.Ordinal));
        Assert.Equal((40.0, 6.0, "秒"), (time.Before, time.After, time.Unit));
    }

    [Fact]
    public async Task A_record_without_report_text_gets_no_coverage_and_no_finding()
    {
        var record = await RunAsync(null);

        Assert.Null(record.Evaluation);
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task A_rubric_from_configuration_replaces_the_embedded_one()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Id"] = "X",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Name"] = "安全",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Weight"] = "1",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Sections:0"] = "数智技术",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Points:0:Id"] = "X1",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Points:0:Name"] = "网络安全防护",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Points:0:MinSignals"] = "1",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Points:0:Signals:0:Pattern"] = "等级保护",
            ["Plugins:RubricCoverage:Rubrics:edition-8:Dimensions:0:Points:0:Signals:0:Weight"] = "2",
        };

        var record = await RunAsync(GeneratedReport.Build(), settings);

        var point = Assert.Single(record.Evaluation!.Coverage);
        Assert.Equal("X1", point.Key);
        Assert.True(point.Value.Covered);
    }

    [Fact]
    public void A_rubric_from_configuration_that_cannot_be_used_stops_the_start_with_every_problem_named()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Id"] = "X",
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Name"] = "安全",
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Weight"] = "0.5",
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Points:0:Id"] = "X1",
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Points:0:Name"] = "网络安全",
            ["Plugins:RubricCoverage:Rubrics:edition-9:Dimensions:0:Points:0:Signals:0:Pattern"] = "等级(保护",
        };
        using var services = PluginSteps.Compose(new RubricCoverageRegistrar(), "Plugins:RubricCoverage", settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Configuration.RubricCoverageOptions>>().Value);

        Assert.Contains("weights add up to 0.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("X1: signal '等级(保护' is not a valid pattern", error.Message, StringComparison.Ordinal);
    }
}
