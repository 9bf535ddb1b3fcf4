using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Prediction;
using CaseIngest.Plugins.Classification.Training;

namespace CaseIngest.Plugins.Classification.Tests.Training;

public sealed class ModelTrainerTests
{
    private static TrainingExample Example(string id, string label, string body) =>
        new(id, label, new CaseText("", TextNormalizer.Normalize(body)));

    [Fact]
    public void Train_ConfirmedCasesWithVocabularyThePriorLacks_LearnsIt()
    {
        // GIVEN confirmed 其他 cases about cultural tourism, words no type's cue list has, and cases of other types
        var examples = new[]
        {
            Example("A1", CaseTypes.Other, "景区文旅演艺项目引入游客画像，演艺节目排期与景区客流联动。"),
            Example("A2", CaseTypes.Other, "文旅集团在多个景区推出夜间演艺，游客满意度持续提升。"),
            Example("A3", CaseTypes.Other, "演艺中心结合景区游客预约数据，优化文旅演出场次。"),
            Example("B1", CaseTypes.Management, "集团以人工智能优化供应链采购与库存，财务预算联动。"),
            Example("B2", CaseTypes.DigitalInfrastructure, "公司建设5G专网与智算中心，提升算力调度能力。"),
        };
        var unseen = new CaseText("", TextNormalizer.Normalize("某文旅企业在景区开展沉浸式演艺，服务游客。"));
        var prior = new PriorModelFactory();

        // WHEN the model is trained on them
        var trained = new ModelTrainer(prior).Train(examples, CancellationToken.None).Model;

        // THEN an unseen case in that vocabulary leans to 其他 clearly more than under the prior
        var before = CaseClassifier.Classify(prior.Create(), unseen, 0.7, 8);
        var after = CaseClassifier.Classify(trained, unseen, 0.7, 8);
        Assert.Equal(CaseTypes.Other, after.TopType);
        Assert.True(after.Scores[CaseTypes.Other] > before.Scores[CaseTypes.Other] + 0.1,
            $"其他: prior {before.Scores[CaseTypes.Other]}, trained {after.Scores[CaseTypes.Other]}");
        Assert.Contains(after.Evidence, e => e.Contains("景区") || e.Contains("演艺") || e.Contains("游客") || e.Contains("文旅"));
    }

    [Fact]
    public void Train_NoticeDefinitions_StillClassifiedRightAfterTraining()
    {
        var examples = new[]
        {
            Example("A1", CaseTypes.Solution, "服务商为客户企业提供排产解决方案并完成交付。"),
            Example("A2", CaseTypes.Solution, "咨询团队为制造企业提供顶层设计与实施陪跑服务。"),
        };
        var prior = new PriorModelFactory();

        var trained = new ModelTrainer(prior).Train(examples, CancellationToken.None).Model;

        foreach (var (type, definition) in prior.Definitions)
        {
            var text = definition[(definition.IndexOf('：') + 1)..];
            Assert.Equal(type, CaseClassifier.Classify(trained, new CaseText("", TextNormalizer.Normalize(text)), 0.7, 8).Predicted);
        }
    }

    [Fact]
    public void Train_SameCasesInAnyOrder_SameModelVersion()
    {
        var examples = new[]
        {
            Example("A1", CaseTypes.Solution, "服务商为客户企业提供排产解决方案并完成交付。"),
            Example("B1", CaseTypes.Management, "集团以人工智能优化供应链采购与库存，财务预算联动。"),
            Example("C1", CaseTypes.ProductEquipment, "公司研发智能装备样机并实现量产。"),
        };
        var prior = new PriorModelFactory();

        var first = new ModelTrainer(prior).Train(examples, CancellationToken.None);
        var second = new ModelTrainer(prior).Train([.. examples.Reverse()], CancellationToken.None);

        Assert.Equal(first.Model.Version, second.Model.Version);
        Assert.StartsWith("trained-3-", first.Model.Version);
        Assert.Equal(3, first.HeldOut.Count);
    }

    [Fact]
    public void Assign_NearDuplicateTexts_OneGroup()
    {
        var body = TextNormalizer.Normalize(string.Concat(Enumerable.Repeat("公司以人工智能优化供应链采购与库存管理，财务预算与计划联动，周转效率提升。", 5)));
        var cases = new[]
        {
            ("X2", new CaseText("标题甲", body)),
            ("X1", new CaseText("标题乙", "目录" + body)),
            ("X3", new CaseText("", TextNormalizer.Normalize("港口建设5G专网，覆盖码头与堆场，支撑远程操控。"))),
        };

        var groups = TextGroups.Assign(cases);

        Assert.Equal(["X1", "X1", "X3"], groups);
    }
}
