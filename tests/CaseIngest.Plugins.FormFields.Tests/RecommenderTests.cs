using CaseIngest.Plugins.FormFields.Tests.Support;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The recommending unit as forms state it: a 推荐单位： line, the seal's label, or both on one line with the date.</summary>
public sealed class RecommenderTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-recommender-");

    [Theory]
    [InlineData("推荐单位：{0}")]
    [InlineData("推荐单位名称：{0}")]
    [InlineData("{0}（盖章）")]
    [InlineData("推荐单位：{0}（盖章）    2026 年 6 月 30 日")]
    public async Task RunAsync_RecommenderStatedInBlock_ReadAndKeptOutOfOpinion(string line)
    {
        var spec = new FormSpec { RecommenderLine = line, Recommender = "中国工程机械工业协会" };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        Assert.Equal("中国工程机械工业协会", record.Form!.Recommender);
        Assert.Equal(spec.RecommenderOpinion, record.Form.RecommenderOpinion);
    }

    [Fact]
    public async Task RunAsync_BlockNamesNoUnit_RecommenderNullWithoutFinding()
    {
        // The official template has no 推荐单位 line: the unit is then known from the seal, not from the form.
        var spec = new FormSpec { RecommenderLine = "" };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        Assert.Null(record.Form!.Recommender);
        Assert.Empty(record.Findings);
    }

    public void Dispose() => _dir.Dispose();
}
