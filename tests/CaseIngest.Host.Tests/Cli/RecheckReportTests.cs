using CaseIngest.Abstractions.Records;
using CaseIngest.Host.Cli;

namespace CaseIngest.Host.Tests.Cli;

/// <summary>What <c>recheck</c> prints per case: findings added and removed, and a type that moved.</summary>
public sealed class RecheckReportTests
{
    [Fact]
    public void TypeMove_PredictionChangedWithTheModel_NamesBothTypesAndModels()
    {
        var before = Case(CaseTypes.Management, "prior-1");
        var after = Case(CaseTypes.Solution, "trained-14-abc");

        var move = TypeMove.Between(before, after);

        Assert.NotNull(move);
        Assert.Equal("type 经营管理类 → 解决方案类 (model prior-1 → trained-14-abc)", move.ToString());
    }

    [Fact]
    public void TypeMove_NowUnsure_MovesToUnsure()
    {
        var move = TypeMove.Between(Case(CaseTypes.Management, "m1"), Case(null, "m2"));

        Assert.Equal("未定", move?.To);
    }

    [Fact]
    public void TypeMove_SamePrediction_Null()
    {
        Assert.Null(TypeMove.Between(Case(CaseTypes.Management, "m1"), Case(CaseTypes.Management, "m2")));
    }

    [Fact]
    public void FindingDiff_FindingGainedAndLost_ListsBoth()
    {
        var before = new CaseRecord { Findings = [new Finding { Code = FindingCodes.NoToc }] };
        var after = new CaseRecord { Findings = [new Finding { Code = FindingCodes.TooShort, Evidence = "3900 字" }] };

        var diff = FindingDiff.Between(before, after);

        Assert.Equal(["too_short [3900 字]"], diff.Added);
        Assert.Equal(["no_toc"], diff.Removed);
    }

    private static CaseRecord Case(string? predicted, string model) =>
        new() { SubmissionId = "P1", Classification = new ClassificationSection { Predicted = predicted, ModelVersion = model } };
}
