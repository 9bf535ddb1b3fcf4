using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Prediction;
using CaseIngest.Plugins.Classification.Tests.Support;

namespace CaseIngest.Plugins.Classification.Tests.Prediction;

public sealed class PriorModelTests
{
    private const double Threshold = 0.7;
    private readonly ClassificationModel _prior = new PriorModelFactory().Create();

    public static TheoryData<string> FiveTypes() =>
        [CaseTypes.BusinessIntegration, CaseTypes.Management, CaseTypes.DigitalInfrastructure, CaseTypes.ProductEquipment, CaseTypes.Solution];

    [Theory]
    [MemberData(nameof(FiveTypes))]
    public void Classify_NoticeDefiningPassage_PredictsItsType(string type)
    {
        var passage = NoticeDefinitions.Read()[type];
        // The passage names its type (人工智能+经营管理类：…); the definition itself must carry the prediction, so the label goes.
        var definition = passage[(passage.IndexOf('：') + 1)..];

        var prediction = CaseClassifier.Classify(_prior, new CaseText("", TextNormalizer.Normalize(definition)), Threshold, 8);

        Assert.Equal(type, prediction.Predicted);
        Assert.NotEmpty(prediction.Evidence);
    }

    [Fact]
    public void Read_Notice_FindsFiveDefiningPassages() => Assert.Equal(5, NoticeDefinitions.Read().Count);

    [Theory]
    [InlineData("", "")]
    [InlineData("", "今天天气很好，大家一起去公园散步。")]
    [InlineData("年度工作总结", "")]
    public void Classify_TextWithoutTypeTerms_AbstainsWithEvidence(string title, string body)
    {
        var prediction = CaseClassifier.Classify(_prior, new CaseText(TextNormalizer.Normalize(title), TextNormalizer.Normalize(body)), Threshold, 8);

        Assert.Null(prediction.Predicted);
        Assert.NotEmpty(prediction.Evidence);
    }

    [Fact]
    public void Classify_EvenlyMixedTypes_Abstains()
    {
        var body = TextNormalizer.Normalize("公司建设5G专网和数据中心，同时用人工智能优化供应链和财务管理。");

        var prediction = CaseClassifier.Classify(_prior, new CaseText("", body), Threshold, 8);

        Assert.Null(prediction.Predicted);
        Assert.True(prediction.TopProbability < Threshold);
    }

    [Fact]
    public void Classify_ProviderServingClients_PredictsSolutionNotItsOwnBusiness()
    {
        // WHO acts decides the type: the same manufacturing scenario as a provider's offer to its clients.
        var provider = TextNormalizer.Normalize("作为服务商，公司为客户企业提供智能排产解决方案，完成部署交付，累计服务制造企业120家。");
        var own = TextNormalizer.Normalize("公司在自有智能工厂的产线和车间推进智能制造，核心业务转型升级，主营业务效率提升。");

        Assert.Equal(CaseTypes.Solution, CaseClassifier.Classify(_prior, new CaseText("", provider), Threshold, 8).Predicted);
        Assert.Equal(CaseTypes.BusinessIntegration, CaseClassifier.Classify(_prior, new CaseText("", own), Threshold, 8).Predicted);
    }

    [Fact]
    public void Classify_SameText_SameScoresAndEvidence()
    {
        var body = TextNormalizer.Normalize("公司建设液冷智算中心，算力调度平台统一管理机柜与服务器。");

        var first = CaseClassifier.Classify(_prior, new CaseText("", body), Threshold, 8);
        var second = CaseClassifier.Classify(new PriorModelFactory().Create(), new CaseText("", body), Threshold, 8);

        Assert.Equal(first.Scores, second.Scores);
        Assert.Equal(first.Evidence, second.Evidence);
        Assert.Equal(CaseTypes.DigitalInfrastructure, first.Predicted);
    }

    [Fact]
    public void Classify_AnyText_ScoresSumToOneOverAllSixTypes()
    {
        var prediction = CaseClassifier.Classify(_prior, new CaseText("", TextNormalizer.Normalize("供应链补货")), Threshold, 8);

        Assert.Equal(CaseTypes.All.Order(), prediction.Scores.Keys.Order());
        Assert.Equal(1.0, prediction.Scores.Values.Sum(), precision: 3);
    }
}
