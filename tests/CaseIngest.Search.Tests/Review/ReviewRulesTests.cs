using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Tests.Review;

public sealed class ReviewRulesTests
{
    private static Finding F(string code, Severity severity, string? evidence = null) =>
        new() { Code = code, Severity = severity, Message = code, Evidence = evidence };

    private static CaseRecord Record(Verdict verdict, params Finding[] findings) =>
        new() { SubmissionId = "A", Verdict = verdict, Findings = [.. findings] };

    [Fact]
    public void StateOf_WithoutDecision_IsTheMachineVerdict_AndWaits()
    {
        var record = Record(Verdict.NeedsReview, F(FindingCodes.FormatBody, Severity.Warning));

        Assert.Equal(ReviewState.NeedsReview, ReviewRules.StateOf(record));
        Assert.True(ReviewRules.WaitsForPerson(record));
    }

    [Fact]
    public void StateOf_DismissedError_NoLongerCounts()
    {
        var record = Record(Verdict.Rejected, F(FindingCodes.FirstPerson, Severity.Error, "我们  认为"), F(FindingCodes.FormatBody, Severity.Warning));
        record.Review = new ReviewSection
        {
            Findings = [new FindingDecision { Code = FindingCodes.FirstPerson, Evidence = "我们 认为", Decision = FindingOutcome.Dismissed, Reason = "引文" }],
        };

        Assert.Equal(ReviewState.NeedsReview, ReviewRules.StateOf(record));
        Assert.Single(ReviewRules.StandingFindings(record));
    }

    [Fact]
    public void StateOf_MachineFailure_CannotBeDismissed()
    {
        var record = Record(Verdict.Failed, F(FindingCodes.PluginFailed, Severity.Error, "OcrStamps"));
        record.Review = new ReviewSection
        {
            Findings = [new FindingDecision { Code = FindingCodes.PluginFailed, Evidence = "OcrStamps", Decision = FindingOutcome.Dismissed, Reason = "x" }],
        };

        Assert.Equal(ReviewState.Failed, ReviewRules.StateOf(record));
        Assert.False(ReviewRules.CanBeDismissed(FindingCodes.PackageUnreadable));
    }

    [Fact]
    public void StateOf_PersonsDecision_Counts_AndNoLongerWaits()
    {
        var record = Record(Verdict.Rejected, F(FindingCodes.NoToc, Severity.Error));
        record.Review = new ReviewSection { Decision = new PackageDecision { Outcome = PackageOutcome.Compliant, Reason = "目录在第二页" } };

        Assert.Equal(ReviewState.Compliant, ReviewRules.StateOf(record));
        Assert.False(ReviewRules.WaitsForPerson(record));
    }

    [Fact]
    public void SameFinding_QuotedTextAtAnotherParagraph_IsTheSame_OtherTextIsNot()
    {
        const string Before = "二、案例内容第 32 段“我们在调研中还发现…”；二、案例内容第 65 段“我们认为…”";
        Assert.True(ReviewRules.SameFinding(FindingCodes.FirstPerson, Before,
            F(FindingCodes.FirstPerson, Severity.Error, "二、案例内容第 33 段“我们在调研中还发现…”；二、案例内容第  66 段“我们认为…”")));
        Assert.False(ReviewRules.SameFinding(FindingCodes.FirstPerson, Before,
            F(FindingCodes.FirstPerson, Severity.Error, "二、案例内容第 33 段“我们在调研中还发现…”")));
        Assert.False(ReviewRules.SameFinding(FindingCodes.PerformanceTooLong, "共 1413 字", F(FindingCodes.PerformanceTooLong, Severity.Error, "共 1213 字")));
    }
}
