using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Support;

namespace CaseIngest.Plugins.Classification.Tests.Step;

public sealed class ClassificationStepTests : IDisposable
{
    private const string SupplyChainReport = "一、企业概况\n公司是一家连锁零售企业。\n二、案例内容\n公司以人工智能赋能供应链管理，建设需求预测与智能补货系统，" +
        "优化采购、库存与仓储协同，财务预算与供应链计划联动，供应链周转效率显著提升。\n三、绩效表现\n库存周转天数下降，补货准确率提高。";

    // A readable report (企业概况, 案例内容) of a case outside the notice's five directions: none of their terms.
    private const string NoDirectionReport = "一、企业概况\n市城市公园服务中心负责全市公园的日常养护与游园服务。\n二、案例内容\n中心用图像识别统计游园人数，" +
        "按人流安排保洁与绿化养护排班，游客在小程序上查看拥挤程度。\n三、绩效表现\n游客满意度提升。";

    private readonly ClassifierFactory _classifier = new();

    public void Dispose() => _classifier.Dispose();

    private static CaseRecord Record(string? report, params string[] declared) => NamedRecord("零售供应链智能补货", report, declared);

    private static CaseRecord NamedRecord(string caseName, string? report, params string[] declared) => new()
    {
        SubmissionId = "T1",
        Form = new FormSection { CaseName = caseName, DeclaredTypes = [.. declared] },
        Report = report is null ? null : new ReportSection { Title = caseName, Text = report },
    };

    [Fact]
    public async Task RunAsync_ConfidentPrediction_WritesSectionWithModelVersionAndEvidence()
    {
        var record = await _classifier.RunAsync(Record(SupplyChainReport, CaseTypes.Management));

        var section = record.Classification!;
        Assert.Equal(CaseTypes.Management, section.Predicted);
        Assert.StartsWith("prior-", section.ModelVersion);
        Assert.Equal(6, section.Scores.Count);
        Assert.Contains(section.Evidence, e => e.Contains("供应链"));
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task RunAsync_SingleTickDiffersFromConfidentPrediction_AddsTypeMismatchWarning()
    {
        var record = await _classifier.RunAsync(Record(SupplyChainReport, CaseTypes.ProductEquipment));

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.TypeMismatch, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Null(finding.Plugin); // the pipeline runner stamps it
        Assert.Contains(CaseTypes.ProductEquipment, finding.Message);
        Assert.Contains(CaseTypes.Management, finding.Message);
        Assert.False(string.IsNullOrEmpty(finding.Evidence));
    }

    [Fact]
    public async Task RunAsync_ReadableReportFittingNoDirection_OtherWithItsReasonNotUnsureAndNoMismatch()
    {
        // GIVEN a structured report that speaks for none of the five directions, ticked 业务融合
        var record = await _classifier.RunAsync(NamedRecord("公园游园服务", NoDirectionReport, CaseTypes.BusinessIntegration));

        // THEN it is 其他 (an answer: not type_unsure), the evidence says why first, and so weak a reading contradicts no tick
        var section = record.Classification!;
        Assert.Equal(CaseTypes.Other, section.Predicted);
        Assert.StartsWith("五个征集方向均不符合", section.Evidence[0]);
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task RunAsync_TickWrittenDifferently_NormalizesBeforeComparing()
    {
        var record = await _classifier.RunAsync(Record(SupplyChainReport, "人工智能+经营管理类"));

        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.TypeMismatch);
    }

    [Fact]
    public async Task RunAsync_NoBoxTicked_NoTypeMismatch()
    {
        var record = await _classifier.RunAsync(Record(SupplyChainReport));

        Assert.Equal(CaseTypes.Management, record.Classification!.Predicted);
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task RunAsync_SeveralBoxesTicked_NoTypeMismatch()
    {
        var record = await _classifier.RunAsync(Record(SupplyChainReport, CaseTypes.ProductEquipment, CaseTypes.Solution));

        Assert.Equal(CaseTypes.Management, record.Classification!.Predicted);
        Assert.Empty(record.Findings);
    }

    [Fact]
    public async Task RunAsync_Unsure_PredictedNullTypeUnsureInfoAndNoMismatch()
    {
        var record = await _classifier.RunAsync(NamedRecord("年度创新实践", "公司建设5G专网和数据中心，同时用人工智能优化供应链和财务管理。", CaseTypes.ProductEquipment));

        Assert.Null(record.Classification!.Predicted);
        Assert.NotEmpty(record.Classification.Evidence);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.TypeUnsure, finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
        // The limit is the model's own threshold, read from it (the prior's: its lexicon's abstainThreshold).
        Assert.Equal(new PriorModelFactory().Create().Thresholds.Abstain, finding.Limit);
        Assert.True(finding.Measured < finding.Limit);
    }

    [Fact]
    public async Task RunAsync_ThresholdAboveEveryScore_AbstainsRatherThanGuess()
    {
        using var strict = new ClassifierFactory(threshold: 0.99);

        var record = await strict.RunAsync(NamedRecord("年度创新实践", "公司以人工智能优化供应链采购与库存，同时建设5G专网。", CaseTypes.ProductEquipment));

        Assert.Null(record.Classification!.Predicted);
        Assert.Equal(FindingCodes.TypeUnsure, Assert.Single(record.Findings).Code);
    }

    [Fact]
    public async Task RunAsync_ReportMissing_ClassifiesFromCaseNameWithEvidence()
    {
        var record = Record(report: null, CaseTypes.Management);

        Assert.True(_classifier.CreateStep().CanRun(PluginSteps.Context(record, [])));
        await _classifier.RunAsync(record);

        Assert.NotNull(record.Classification);
        Assert.NotEmpty(record.Classification.Evidence);
        Assert.Contains(record.Classification.Evidence, e => e.Contains("供应链"));
    }

    [Fact]
    public void CanRun_NoCaseNameAndNoReport_False()
    {
        var record = new CaseRecord { SubmissionId = "T2", Form = new FormSection() };

        Assert.False(_classifier.CreateStep().CanRun(PluginSteps.Context(record, [])));
    }

    [Fact]
    public async Task RunAsync_CorruptModelFile_ThrowsNamingTheFile()
    {
        await File.WriteAllTextAsync(_classifier.Options.Value.ModelPath, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _classifier.RunAsync(Record(SupplyChainReport)));

        Assert.Contains(_classifier.Options.Value.ModelPath, error.Message);
    }
}
