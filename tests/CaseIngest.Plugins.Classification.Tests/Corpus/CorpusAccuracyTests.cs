using System.Diagnostics;
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
[Collection(TimingGroup.Name)]
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
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        var result = new ModelTrainer(new PriorModelFactory()).Train(examples, CancellationToken.None);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train on {examples.Count} cases (inner folds + final fit): {clock.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU; temperature {result.Model.Temperature:0.###}; thresholds {result.Model.Thresholds}; weights {result.Model.Weights.Count}"));
        Assert.Equal(24, result.HeldOut.Count);
        // The near-duplicate grouping finds the README's 20 texts (four pairs share one) by itself.
        Assert.Equal(20, result.Model.Training!.TextGroups);
        EvaluationReport.Write(new TestOutputWriter(output), "trainer's own held-out predictions",
            [.. result.HeldOut.Select(h => (h.Label, h.TopType, h.TopProbability))], result.Model.Thresholds.Abstain);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Step_Corpus_MillisecondsPerCase(bool trained)
    {
        using var classifier = new ClassifierFactory();
        if (trained)
        {
            // Trained on the corpus itself: fine for timing (n-gram features make a trained model the slower one), not for accuracy.
            var model = new ModelTrainer(classifier.Store.Prior).Train([.. corpus.First.Select(LeaveOneTextOut.Example)], CancellationToken.None).Model;
            await ModelFile.SaveAsync(model, classifier.Options.Value.ModelPath, CancellationToken.None);
        }

        await classifier.RunAsync(corpus.Cases[0].CopyRecord());
        var records = Enumerable.Range(0, 10).SelectMany(_ => corpus.First.Select(c => c.CopyRecord())).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var record in records)
        {
            await classifier.RunAsync(record);
        }

        // Printed, not asserted: speed belongs in notes, never in a timed test. CPU time too, because on a shared
        // machine the wall clock mostly measures the neighbours.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step, {(trained ? "trained" : "prior")} model, warm: {clock.Elapsed.TotalMilliseconds / records.Count:0.00} ms wall, {cpuMs / records.Count:0.00} ms CPU per case over {records.Count} cases"));
        Assert.All(records, r => Assert.NotNull(r.Classification));
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

/// <summary>Runs its tests alone, so the CPU time they print is theirs and not the parallel tests'.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingGroup
{
    public const string Name = "Timing";
}
