using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Support;
using CaseIngest.Plugins.Classification.Training;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.Classification.Tests.Corpus;

/// <summary>Accuracy on the sample corpus, measured honestly: the prior has never seen a corpus case, and the trained
/// figures come from models that never saw the held-out case's report text (pairs sharing one are held out together).
/// The figures are printed (run with --logger "console;verbosity=detailed"); only behaviour is asserted.</summary>
[Collection(TimingGroup.Name)]
public sealed class CorpusAccuracyTests(CorpusCases corpus, ITestOutputHelper output) : IClassFixture<CorpusCases>
{
    private const double Threshold = 0.7;

    [Fact]
    public async Task Prior_Corpus_TypeMismatchOnExactlyThePackagesThatExpectIt()
    {
        using var classifier = new ClassifierFactory(Threshold);
        var results = new List<(string Label, string TopType, double TopProbability)>();
        var mismatches = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var item in corpus.Cases)
        {
            var record = await classifier.RunAsync(item.CopyRecord());
            var section = record.Classification!;
            Assert.NotEmpty(section.Evidence);
            var top = section.Scores.MaxBy(s => s.Value);
            results.Add((item.Category, top.Key, top.Value));
            mismatches.AddRange(record.Findings.Where(f => f.Code == FindingCodes.TypeMismatch).Select(_ => item.Id));
            output.WriteLine($"{item.Id} {item.Category} → {section.Predicted ?? "(unsure)"} {top.Value:0.000} [{string.Join("；", section.Evidence.Take(4))}]");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prior: {clock.Elapsed.TotalMilliseconds / corpus.Cases.Count:0.00} ms per case (step, warm-up included)"));
        EvaluationReport.Write(new OutputWriter(output), "prior model on the corpus", results, Threshold);
        var expected = corpus.Cases.Where(c => c.ExpectedViolations.Contains(FindingCodes.TypeMismatch)).Select(c => c.Id);
        Assert.Equal(expected, mismatches);
        Assert.DoesNotContain(results, r => r.TopProbability >= Threshold && r.TopType != r.Label);
    }

    [Fact]
    public async Task Trained_LeaveOneTextGroupOut_TypeMismatchOnlyOnD11AndNoConfidentError()
    {
        // GIVEN for each text group a model trained on the others (each itself calibrated by its own inner cross-validation)
        var results = new List<(string Label, string TopType, double TopProbability)>();
        var mismatches = new List<string>();
        foreach (var group in corpus.Cases.GroupBy(c => c.TextId))
        {
            using var classifier = new ClassifierFactory(Threshold);
            var training = corpus.Cases.Where(c => c.TextId != group.Key)
                .Select(c => new TrainingExample(c.Id, c.Category, CaseText.From(c.Record))).ToList();
            var trained = new ModelTrainer(classifier.Store.Prior).Train(training, CancellationToken.None);
            await ModelFile.SaveAsync(trained.Model, classifier.Options.Value.ModelPath, CancellationToken.None);

            // WHEN the step classifies the held-out packages
            foreach (var item in group)
            {
                var record = await classifier.RunAsync(item.CopyRecord());
                var top = record.Classification!.Scores.MaxBy(s => s.Value);
                results.Add((item.Category, top.Key, top.Value));
                mismatches.AddRange(record.Findings.Where(f => f.Code == FindingCodes.TypeMismatch).Select(_ => item.Id));
                output.WriteLine($"{item.Id} {item.Category} → {record.Classification.Predicted ?? "(unsure)"} {top.Value:0.000} model {record.Classification.ModelVersion} T={trained.Model.Temperature:0.###}");
            }
        }

        // THEN type_mismatch is raised where expected and nowhere else
        EvaluationReport.Write(new OutputWriter(output), "trained, leave-one-text-group-out (step on held-out packages)", results, Threshold);
        Assert.Equal(["D11"], mismatches.Order());
        Assert.DoesNotContain(results, r => r.TopProbability >= Threshold && r.TopType != r.Label);
    }

    [Fact]
    public void Trainer_Corpus_ReportsHeldOutPredictionsForEveryCase()
    {
        var examples = corpus.Cases.Select(c => new TrainingExample(c.Id, c.Category, CaseText.From(c.Record))).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        var result = new ModelTrainer(new PriorModelFactory()).Train(examples, CancellationToken.None);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train on 14 cases (10 inner folds + final fit): {clock.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU; temperature {result.Model.Temperature:0.###}; weights {result.Model.Weights.Count}"));
        Assert.Equal(14, result.HeldOut.Count);
        // The near-duplicate grouping finds the README's four pairs by itself.
        Assert.Equal(10, result.Model.Training!.TextGroups);
        EvaluationReport.Write(new OutputWriter(output), "trainer's own held-out predictions", [.. result.HeldOut.Select(h => (h.Label, h.TopType, h.TopProbability))], Threshold);
        EvaluationReport.Write(new OutputWriter(output), "prior on the same cases", [.. result.HeldOut.Select(h => (h.Label, h.PriorTopType, h.PriorTopProbability))], Threshold);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Step_Corpus_MillisecondsPerCase(bool trained)
    {
        using var classifier = new ClassifierFactory(Threshold);
        if (trained)
        {
            // Trained on the corpus itself: fine for timing (n-gram features make a trained model the slower one), not for accuracy.
            var examples = corpus.Cases.Select(c => new TrainingExample(c.Id, c.Category, CaseText.From(c.Record))).ToList();
            var model = new ModelTrainer(classifier.Store.Prior).Train(examples, CancellationToken.None).Model;
            await ModelFile.SaveAsync(model, classifier.Options.Value.ModelPath, CancellationToken.None);
        }

        await classifier.RunAsync(corpus.Cases[0].CopyRecord());
        var records = Enumerable.Range(0, 10).SelectMany(_ => corpus.Cases.Select(c => c.CopyRecord())).ToList();
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

    private sealed class OutputWriter(ITestOutputHelper output) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}

/// <summary>Runs its tests alone, so the CPU time they print is theirs and not the parallel tests'.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingGroup
{
    public const string Name = "Timing";
}
