using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Evaluation;
using CaseIngest.Plugins.Classification.Tests.Support;
using CaseIngest.Plugins.Classification.Training;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.Classification.Tests.Corpus;

/// <summary>The corpus acceptance tests: what the step says of each package (category, type_mismatch, type_unsure)
/// with the prior (no training data) and with the model the plugin ships. The figures are printed (run with
/// --logger "console;verbosity=detailed").</summary>
public sealed class CorpusAccuracyTests(CorpusCases corpus, ITestOutputHelper output) : IClassFixture<CorpusCases>
{
    /// <summary>The first corpus's packages whose type the prior was never sure of (D01: a maker's own manufacturing and
    /// after-sales, 业务融合, that reads like 产品/装备): it may abstain on them, never answer wrong.</summary>
    private static readonly string[] s_unclear = ["D01"];

    [Fact]
    public async Task Prior_FirstCorpus_ClearCasesRightAndTypeMismatchOnlyOnD11()
    {
        using var classifier = new ClassifierFactory(builtIn: BuiltInModel.Prior);

        var outcomes = await LeaveOneTextOut.RunAsync(classifier, corpus.First);

        Print("prior on tests/corpus", outcomes);
        Assert.All(outcomes, o => Assert.StartsWith("prior-", o.ModelVersion));
        Assert.All(outcomes.Where(o => !s_unclear.Contains(o.Id)), o => Assert.True(o.AsExpected, $"{o.Id}: {o}"));
        Assert.All(outcomes.Where(o => s_unclear.Contains(o.Id)), o => Assert.True(o.Predicted is null || o.Right, $"{o.Id}: {o}"));
        Assert.Equal(["D11"], outcomes.Where(o => o.TypeFindings.Contains(FindingCodes.TypeMismatch)).Select(o => o.Id));
    }

    [Fact]
    public void Trainer_BothCorpora_FindsTheTwentyTextsAndHoldsOutEveryCase()
    {
        var examples = corpus.Cases.Select(LeaveOneTextOut.Example).ToList();
        var result = new ModelTrainer(new PriorModelFactory()).Train(examples, CancellationToken.None);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train on {examples.Count} cases (inner folds + final fit): temperature {result.Model.Temperature:0.###}; thresholds {result.Model.Thresholds}; weights {result.Model.Weights.Count}"));
        Assert.Equal(24, result.HeldOut.Count);
        // The near-duplicate grouping finds the README's 20 texts (four pairs share one) by itself.
        Assert.Equal(20, result.Model.Training!.TextGroups);
        EvaluationReport.Write(new TestOutputWriter(output), "trainer's own held-out predictions",
            [.. result.HeldOut.Select(h => (h.Label, h.TopType, h.TopProbability))], result.Model.Thresholds.Abstain);
    }

    private void Print(string title, IReadOnlyList<StepOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{o.Id} {o.Label} → {o.Predicted ?? "(unsure)"} (top {o.TopType} {o.TopProbability:0.000}, threshold {o.Threshold:0.000}) findings [{string.Join(",", o.TypeFindings)}] expected [{string.Join(",", o.ExpectedTypeFindings)}]"));
        }

        EvaluationReport.Write(new TestOutputWriter(output), title, LeaveOneTextOut.Answers(outcomes));
    }
}
